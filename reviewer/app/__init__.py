"""The operations layer: the use cases both faces call (the CLI directly, the GUI through its one
task helper). Each is a plain function that owns its unit of work, takes a ``progress`` callback
where the work is long, and returns frozen values; nothing here imports Qt."""
