"""Documents the app writes: the review record PDF, signatures, result bundles, spreadsheets; shared fonts."""
