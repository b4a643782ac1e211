<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latest version held</source>
        <translation>Latest version held</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Recused (conflict declared)</source>
        <translation>Recused (conflict declared)</translation>
    </message>
    <message>
        <source>Returned: awaiting version {n}</source>
        <translation>Returned: awaiting version {n}</translation>
    </message>
    <message>
        <source>Pending: no sheet yet</source>
        <translation>Pending: no sheet yet</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>version {n}</translation>
    </message>
    <message>
        <source>{who}: version {v} was returned for correction {when}; the corrected version {n} has not been imported yet.</source>
        <translation>{who}: version {v} was returned for correction {when}; the corrected version {n} has not been imported yet.</translation>
    </message>
    <message>
        <source>{who}: no sheet has been imported yet.</source>
        <translation>{who}: no sheet has been imported yet.</translation>
    </message>
    <message>
        <source>{who} declared a conflict of interest; the recusal does not score.</source>
        <translation>{who} declared a conflict of interest; the recusal does not score.</translation>
    </message>
    <message>
        <source>{who}: version {v} counts.</source>
        <translation>{who}: version {v} counts.</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Reading the sheets held…</source>
        <translation>Reading the sheets held…</translation>
    </message>
    <message>
        <source>{n} member(s): {s} submitted, {r} returned, {p} pending, {c} recused.</source>
        <translation>{n} member(s): {s} submitted, {r} returned, {p} pending, {c} recused.</translation>
    </message>
    <message>
        <source>Waiting for: {names}.</source>
        <translation>Waiting for: {names}.</translation>
    </message>
    <message>
        <source>Every member&apos;s sheet is in.</source>
        <translation>Every member&apos;s sheet is in.</translation>
    </message>
    <message>
        <source>Panel status</source>
        <translation>Panel status</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <source>park</source>
        <translation>park</translation>
    </message>
    <message>
        <source> · progress report overdue ({n})</source>
        <translation> · progress report overdue ({n})</translation>
    </message>
</context>
<context>
    <name>ChairDeciding</name>
    <message>
        <source>{name}-v{n}-returned</source>
        <translation>{name}-v{n}-returned</translation>
    </message>
</context>
<context>
    <name>ChairPanel</name>
    <message>
        <source>The review record is being read, produced or signed: wait until it is done.</source>
        <translation>The review record is being read, produced or signed: wait until it is done.</translation>
    </message>
    <message>
        <source>Review record</source>
        <translation>Review record</translation>
    </message>
    <message>
        <source>Consensus {value}: {why} ({by}, {at})</source>
        <translation>Consensus {value}: {why} ({by}, {at})</translation>
    </message>
    <message>
        <source>{name} recused: {reason}</source>
        <translation>{name} recused: {reason}</translation>
    </message>
    <message>
        <source>{name}, version {n}: {score}</source>
        <translation>{name}, version {n}: {score}</translation>
    </message>
    <message>
        <source>Comment: {text}</source>
        <translation>Comment: {text}</translation>
    </message>
    <message>
        <source>{material}, page {page}</source>
        <translation>{material}, page {page}</translation>
    </message>
    <message>
        <source>Evidence: {refs}</source>
        <translation>Evidence: {refs}</translation>
    </message>
    <message>
        <source>Explanation: {text} (entered by {by}, {at})</source>
        <translation>Explanation: {text} (entered by {by}, {at})</translation>
    </message>
    <message>
        <source>Computed from the figure {figure} = {value}: {points}</source>
        <translation>Computed from the figure {figure} = {value}: {points}</translation>
    </message>
    <message>
        <source>Confirmed by {n}, flagged by {m}</source>
        <translation>Confirmed by {n}, flagged by {m}</translation>
    </message>
    <message>
        <source>Figure confirmed</source>
        <translation>Figure confirmed</translation>
    </message>
    <message>
        <source>{name} flagged the figure: {why} (evidence: {refs})</source>
        <translation>{name} flagged the figure: {why} (evidence: {refs})</translation>
    </message>
    <message>
        <source>Issue a return notice</source>
        <translation>Issue a return notice</translation>
    </message>
    <message>
        <source>A return notice signed with your key is issued for {name}&apos;s sheet (version {n}): {codes} are reopened for correction.
Reason: {reason}

The notice cannot be withdrawn: {name} must sign version {next}, and the return is logged.</source>
        <translation>A return notice signed with your key is issued for {name}&apos;s sheet (version {n}): {codes} are reopened for correction.
Reason: {reason}

The notice cannot be withdrawn: {name} must sign version {next}, and the return is logged.</translation>
    </message>
    <message>
        <source>Issue the return notice</source>
        <translation>Issue the return notice</translation>
    </message>
    <message>
        <source>Panel chair</source>
        <translation>Panel chair</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Opinion and dissents</source>
        <translation>Opinion and dissents</translation>
    </message>
    <message>
        <source>Panel vote</source>
        <translation>Panel vote</translation>
    </message>
    <message>
        <source>Review record and result file</source>
        <translation>Review record and result file</translation>
    </message>
</context>
<context>
    <name>ChairVoting</name>
    <message>
        <source>Adopted</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>Not adopted</translation>
    </message>
    <message>
        <source>Pending vote</source>
        <translation>Pending vote</translation>
    </message>
    <message>
        <source>Pending vote (not yet put to the panel)</source>
        <translation>Pending vote (not yet put to the panel)</translation>
    </message>
    <message>
        <source>Approve {a} / voters {n}, {k} needed</source>
        <translation>Approve {a} / voters {n}, {k} needed</translation>
    </message>
    <message>
        <source>; objecting: {names}</source>
        <translation>; objecting: {names}</translation>
    </message>
    <message>
        <source>Proposed {value} on the ground: {ground}. {tally}. Rationale: {why}</source>
        <translation>Proposed {value} on the ground: {ground}. {tally}. Rationale: {why}</translation>
    </message>
    <message>
        <source>Panel opinion (text)</source>
        <translation>Panel opinion (text)</translation>
    </message>
    <message>
        <source>A change is adopted when {rule} of the {n} voting members approve it ({k} needed; the chair approves by the motion). Until then the computed aggregate is the value taken.</source>
        <translation>A change is adopted when {rule} of the {n} voting members approve it ({k} needed; the chair approves by the motion). Until then the computed aggregate is the value taken.</translation>
    </message>
    <message>
        <source>Approve {a}, object {o}</source>
        <translation>Approve {a}, object {o}</translation>
    </message>
    <message>
        <source>; opinion: {vote}</source>
        <translation>; opinion: {vote}</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>approve</translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>; with a dissent</source>
        <translation>; with a dissent</translation>
    </message>
    <message>
        <source>{code}: {aggregate} → {value} ({ground})</source>
        <translation>{code}: {aggregate} → {value} ({ground})</translation>
    </message>
    <message>
        <source>The draft panel opinion (conclusion: {text})</source>
        <translation>The draft panel opinion (conclusion: {text})</translation>
    </message>
    <message>
        <source>Put to the panel</source>
        <translation>Put to the panel</translation>
    </message>
    <message>
        <source>A motion signed with your key puts to the panel:
{items}

Each member approves or objects in a signed statement; your motion counts as your approval. A change counts only once adopted. The motion is kept here and you can save it for members voting on their own laptops.</source>
        <translation>A motion signed with your key puts to the panel:
{items}

Each member approves or objects in a signed statement; your motion counts as your approval. A change counts only once adopted. The motion is kept here and you can save it for members voting on their own laptops.</translation>
    </message>
    <message>
        <source>motion-{id}</source>
        <translation>motion-{id}</translation>
    </message>
    <message>
        <source>Member votes</source>
        <translation>Member votes</translation>
    </message>
    <message>
        <source>{who} is not a voting member of this panel (the chair approves by the motion; a member who recused does not vote).</source>
        <translation>{who} is not a voting member of this panel (the chair approves by the motion; a member who recused does not vote).</translation>
    </message>
    <message>
        <source>Strengths: {items}</source>
        <translation>Strengths: {items}</translation>
    </message>
    <message>
        <source>Problems: {items}</source>
        <translation>Problems: {items}</translation>
    </message>
    <message>
        <source>Recommendations: {items}</source>
        <translation>Recommendations: {items}</translation>
    </message>
    <message>
        <source>Conclusion: {text}</source>
        <translation>Conclusion: {text}</translation>
    </message>
</context>
<context>
    <name>ChangeVote</name>
    <message>
        <source>Indicator {code}: approve or object.</source>
        <translation>Indicator {code}: approve or object.</translation>
    </message>
    <message>
        <source>Indicator {code}: give the reason for objecting.</source>
        <translation>Indicator {code}: give the reason for objecting.</translation>
    </message>
    <message>
        <source>Computed aggregate {aggregate} → proposed {value}</source>
        <translation>Computed aggregate {aggregate} → proposed {value}</translation>
    </message>
    <message>
        <source>Ground: {ground}</source>
        <translation>Ground: {ground}</translation>
    </message>
    <message>
        <source>Rationale: {text}</source>
        <translation>Rationale: {text}</translation>
    </message>
    <message>
        <source>Your vote:</source>
        <translation>Your vote:</translation>
    </message>
    <message>
        <source>Reason (required when objecting):</source>
        <translation>Reason (required when objecting):</translation>
    </message>
    <message>
        <source>Your vote on indicator {code}</source>
        <translation>Your vote on indicator {code}</translation>
    </message>
    <message>
        <source>Reason for objecting to {code}</source>
        <translation>Reason for objecting to {code}</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Vetoes and eligibility</source>
        <translation>Vetoes and eligibility</translation>
    </message>
    <message>
        <source>Comment on {code}</source>
        <translation>Comment on {code}</translation>
    </message>
    <message>
        <source>Yes/no items (vetoes and gates)</source>
        <translation>Yes/no items (vetoes and gates)</translation>
    </message>
    <message>
        <source>Eligibility checklist</source>
        <translation>Eligibility checklist</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Comment (required for “no”)</source>
        <translation>Comment (required for “no”)</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Comment (required when flagged)</source>
        <translation>Comment (required when flagged)</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>To open review packages and sign score sheets you need an identity certified by the ministry. Create one now, or use one you already have.</source>
        <translation>To open review packages and sign score sheets you need an identity certified by the ministry. Create one now, or use one you already have.</translation>
    </message>
    <message>
        <source>Create a new identity</source>
        <translation>Create a new identity</translation>
    </message>
    <message>
        <source>Use an existing identity folder</source>
        <translation>Use an existing identity folder</translation>
    </message>
</context>
<context>
    <name>CohortModel</name>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CohortPage</name>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Famous cities</source>
        <translation>Famous cities</translation>
    </message>
    <message>
        <source>Famous parks</source>
        <translation>Famous parks</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Publicity list</source>
        <translation>Publicity list</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Document to export</source>
        <translation>Document to export</translation>
    </message>
    <message>
        <source>The notice is written from a published evaluation only; a draft&apos;s publicity list is marked draft.</source>
        <translation>The notice is written from a published evaluation only; a draft&apos;s publicity list is marked draft.</translation>
    </message>
    <message>
        <source>Ranked title holders</source>
        <translation>Ranked title holders</translation>
    </message>
    <message>
        <source>No evaluation of this year yet: press Evaluate.</source>
        <translation>No evaluation of this year yet: press Evaluate.</translation>
    </message>
    <message>
        <source>Version {v}, published {at}: the stars are the year&apos;s ratings.</source>
        <translation>Version {v}, published {at}: the stars are the year&apos;s ratings.</translation>
    </message>
    <message>
        <source>Draft version {v}, evaluated {at}: ★★★ {a}, ★★ {b}, ★ {c}.</source>
        <translation>Draft version {v}, evaluated {at}: ★★★ {a}, ★★ {b}, ★ {c}.</translation>
    </message>
    <message>
        <source>Publish the annual evaluation</source>
        <translation>Publish the annual evaluation</translation>
    </message>
    <message>
        <source>The stars of version {v} become the ratings of {year} in the registry: ★★★ {a}, ★★ {b}, ★ {c}. One star warns a title holder; a second one-star year in a row means exit.

A year is published once: this cannot be undone.</source>
        <translation>The stars of version {v} become the ratings of {year} in the registry: ★★★ {a}, ★★ {b}, ★ {c}. One star warns a title holder; a second one-star year in a row means exit.

A year is published once: this cannot be undone.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Written to {path}</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <source>Consensus score</source>
        <translation>Consensus score</translation>
    </message>
    <message>
        <source>Choose the ground…</source>
        <translation>Choose the ground…</translation>
    </message>
    <message>
        <source>Why the panel departs from the computed aggregate (required)</source>
        <translation>Why the panel departs from the computed aggregate (required)</translation>
    </message>
    <message>
        <source>{code} {title}: {points} points, step {step}; computed aggregate {aggregate}.</source>
        <translation>{code} {title}: {points} points, step {step}; computed aggregate {aggregate}.</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <source>The change is a proposal until the panel adopts it: put it to the panel on the Panel vote page.</source>
        <translation>The change is a proposal until the panel adopts it: put it to the panel on the Panel vote page.</translation>
    </message>
    <message>
        <source>Choose the ground of the change: after aggregation a score changes only on one of the grounds the panel rules name.</source>
        <translation>Choose the ground of the change: after aggregation a score changes only on one of the grounds the panel rules name.</translation>
    </message>
    <message>
        <source>A consensus score that departs from the computed aggregate needs a written rationale.</source>
        <translation>A consensus score that departs from the computed aggregate needs a written rationale.</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create your identity</source>
        <translation>Create your identity</translation>
    </message>
    <message>
        <source>Your name and organisation go into the certificate the ministry issues.</source>
        <translation>Your name and organisation go into the certificate the ministry issues.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Remember the passphrase in this computer&apos;s keyring</source>
        <translation>Remember the passphrase in this computer&apos;s keyring</translation>
    </message>
    <message>
        <source>Choose as the notice of the Ministry of Industry and Information Technology says; if it differs from your credential&apos;s, the credential cannot be installed.</source>
        <translation>Choose as the notice of the Ministry of Industry and Information Technology says; if it differs from your credential&apos;s, the credential cannot be installed.</translation>
    </message>
    <message>
        <source>Create identity</source>
        <translation>Create identity</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>The passphrase again, to catch a typing mistake</source>
        <translation>The passphrase again, to catch a typing mistake</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>Algorithms</translation>
    </message>
    <message>
        <source>Folder for the new identity</source>
        <translation>Folder for the new identity</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>The passphrases differ; type them again.</source>
        <translation>The passphrases differ; type them again.</translation>
    </message>
    <message>
        <source>Identity created in {folder}.</source>
        <translation>Identity created in {folder}.</translation>
    </message>
</context>
<context>
    <name>CredentialPage</name>
    <message>
        <source>Install your credential</source>
        <translation>Install your credential</translation>
    </message>
    <message>
        <source>When the ministry returns your credential (.rvcred), install it here. You can also finish now and install it later.</source>
        <translation>When the ministry returns your credential (.rvcred), install it here. You can also finish now and install it later.</translation>
    </message>
    <message>
        <source>Install the credential…</source>
        <translation>Install the credential…</translation>
    </message>
    <message>
        <source>Installed: {name} · {org}.
{suite}

The ministry root you now trust has the fingerprint
{fp}

Compare it with the fingerprint the ministry gave you by phone or on paper. If they differ, do not use this identity and tell the ministry.</source>
        <translation>Installed: {name} · {org}.
{suite}

The ministry root you now trust has the fingerprint
{fp}

Compare it with the fingerprint the ministry gave you by phone or on paper. If they differ, do not use this identity and tell the ministry.</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <source>Items of the standard</source>
        <translation>Items of the standard</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Yes/no items</source>
        <translation>Yes/no items</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>Indicators ({n})</source>
        <translation>Indicators ({n})</translation>
    </message>
    <message>
        <source>Yes/no items ({n})</source>
        <translation>Yes/no items ({n})</translation>
    </message>
    <message>
        <source>Eligibility ({n})</source>
        <translation>Eligibility ({n})</translation>
    </message>
</context>
<context>
    <name>CriterionDetails</name>
    <message>
        <source>How the selected item is scored</source>
        <translation>How the selected item is scored</translation>
    </message>
    <message>
        <source>Select an indicator to see how it is scored.</source>
        <translation>Select an indicator to see how it is scored.</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Scoring step</source>
        <translation>Scoring step</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Score levels</source>
        <translation>Score levels</translation>
    </message>
    <message>
        <source>Sub-indicators</source>
        <translation>Sub-indicators</translation>
    </message>
    <message>
        <source>Required at or above {high} or at or below {low} of the points</source>
        <translation>Required at or above {high} or at or below {low} of the points</translation>
    </message>
    <message>
        <source>Required at or above {high} of the points</source>
        <translation>Required at or above {high} of the points</translation>
    </message>
    <message>
        <source>Required at or below {low} of the points</source>
        <translation>Required at or below {low} of the points</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Panel answer</source>
        <translation>Panel answer</translation>
    </message>
    <message>
        <source>Checked as pass or fail before any scoring (formal review).</source>
        <translation>Checked as pass or fail before any scoring (formal review).</translation>
    </message>
</context>
<context>
    <name>DataOutcomesModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>recorded (newer version)</source>
        <translation>recorded (newer version)</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>already recorded</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>{year}, version {v} → {file}</source>
        <translation>{year}, version {v} → {file}</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Import data returns (.xlsx)…</source>
        <translation>Import data returns (.xlsx)…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Outcome of each file</source>
        <translation>Outcome of each file</translation>
    </message>
    <message>
        <source>Returns of the year (select one to see its trend)</source>
        <translation>Returns of the year (select one to see its trend)</translation>
    </message>
    <message>
        <source>Figures of “{name}” year by year</source>
        <translation>Figures of “{name}” year by year</translation>
    </message>
    <message>
        <source>Select a return above to see the candidate&apos;s figures year by year.</source>
        <translation>Select a return above to see the candidate&apos;s figures year by year.</translation>
    </message>
    <message>
        <source>Choose filled data return templates</source>
        <translation>Choose filled data return templates</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Registry database</source>
        <translation>Registry database</translation>
    </message>
    <message>
        <source>A &amp;file on this computer (SQLite)</source>
        <translation>A &amp;file on this computer (SQLite)</translation>
    </message>
    <message>
        <source>A database &amp;server (PostgreSQL)</source>
        <translation>A database &amp;server (PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>blank: the one kept in the keyring</source>
        <translation>blank: the one kept in the keyring</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, never in the app&apos;s settings.</source>
        <translation>The password is kept in this computer&apos;s keyring, never in the app&apos;s settings.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose the registry database file</source>
        <translation>Choose the registry database file</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DeclarationsPage</name>
    <message>
        <source>I pledge to keep confidential everything in this review package and everything I learn in this review: the applicant&apos;s materials, the site visit, the panel&apos;s discussions, my own scores and the conclusion. I will use them only for this review; I will not copy, pass on or publish any of it, nor discuss it with the applicant or anyone outside the panel; and I will delete the package and my notes from my devices when the review is over.</source>
        <translation>I pledge to keep confidential everything in this review package and everything I learn in this review: the applicant&apos;s materials, the site visit, the panel&apos;s discussions, my own scores and the conclusion. I will use them only for this review; I will not copy, pass on or publish any of it, nor discuss it with the applicant or anyone outside the panel; and I will delete the package and my notes from my devices when the review is over.</translation>
    </message>
    <message>
        <source>No review is open.</source>
        <translation>No review is open.</translation>
    </message>
    <message>
        <source>You declared a conflict of interest and are recused: this review is not scored.</source>
        <translation>You declared a conflict of interest and are recused: this review is not scored.</translation>
    </message>
    <message>
        <source>Make your declarations first: the conflict of interest and the confidentiality pledge (page “Declarations”). Scoring opens once both are done.</source>
        <translation>Make your declarations first: the conflict of interest and the confidentiality pledge (page “Declarations”). Scoring opens once both are done.</translation>
    </message>
    <message>
        <source>The sheet is signed and locked; only a return notice from the chair can reopen it.</source>
        <translation>The sheet is signed and locked; only a return notice from the chair can reopen it.</translation>
    </message>
    <message>
        <source>Declared: a conflict of interest (recused). Sign the recusal sheet to hand it in.</source>
        <translation>Declared: a conflict of interest (recused). Sign the recusal sheet to hand it in.</translation>
    </message>
    <message>
        <source>Declared: a conflict of interest (recused). The recusal sheet is signed.</source>
        <translation>Declared: a conflict of interest (recused). The recusal sheet is signed.</translation>
    </message>
    <message>
        <source>Declared: no conflict of interest; confidentiality pledge accepted. Scoring is open.</source>
        <translation>Declared: no conflict of interest; confidentiality pledge accepted. Scoring is open.</translation>
    </message>
    <message>
        <source>Declaring a conflict of interest recuses you from this review: you will not score it, and you sign a recusal sheet instead. This cannot be undone once signed. Declare it?</source>
        <translation>Declaring a conflict of interest recuses you from this review: you will not score it, and you sign a recusal sheet instead. This cannot be undone once signed. Declare it?</translation>
    </message>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Declare a conflict of interest</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>Conflict of interest</translation>
    </message>
    <message>
        <source>I have no conflict of interest with this applicant</source>
        <translation>I have no conflict of interest with this applicant</translation>
    </message>
    <message>
        <source>I have a conflict of interest and recuse myself</source>
        <translation>I have a conflict of interest and recuse myself</translation>
    </message>
    <message>
        <source>Say what the conflict is (it is recorded in the signed recusal sheet):</source>
        <translation>Say what the conflict is (it is recorded in the signed recusal sheet):</translation>
    </message>
    <message>
        <source>Confidentiality pledge</source>
        <translation>Confidentiality pledge</translation>
    </message>
    <message>
        <source>I accept the confidentiality pledge</source>
        <translation>I accept the confidentiality pledge</translation>
    </message>
    <message>
        <source>&amp;Confirm declarations</source>
        <translation>&amp;Confirm declarations</translation>
    </message>
    <message>
        <source>Sign the &amp;recusal sheet…</source>
        <translation>Sign the &amp;recusal sheet…</translation>
    </message>
</context>
<context>
    <name>EligibilityModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
</context>
<context>
    <name>EvidenceBox</name>
    <message>
        <source>{material}, page {page}</source>
        <translation>{material}, page {page}</translation>
    </message>
    <message>
        <source>Attached file {name} (SHA-256 {sha}…)</source>
        <translation>Attached file {name} (SHA-256 {sha}…)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>&amp;Add page</source>
        <translation>&amp;Add page</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>A&amp;ttach file…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>p. </source>
        <translation>p. </translation>
    </message>
    <message>
        <source>Evidence for this indicator</source>
        <translation>Evidence for this indicator</translation>
    </message>
    <message>
        <source>Material to cite</source>
        <translation>Material to cite</translation>
    </message>
    <message>
        <source>Page to cite</source>
        <translation>Page to cite</translation>
    </message>
</context>
<context>
    <name>ExistingPage</name>
    <message>
        <source>Use an existing identity</source>
        <translation>Use an existing identity</translation>
    </message>
    <message>
        <source>Choose the identity folder…</source>
        <translation>Choose the identity folder…</translation>
    </message>
    <message>
        <source>Choose your identity folder</source>
        <translation>Choose your identity folder</translation>
    </message>
    <message>
        <source>credential installed</source>
        <translation>credential installed</translation>
    </message>
    <message>
        <source>no credential yet: install it from the first-run wizard when the ministry returns it</source>
        <translation>no credential yet: install it from the first-run wizard when the ministry returns it</translation>
    </message>
    <message>
        <source>{name} · {org} ({state})</source>
        <translation>{name} · {org} ({state})</translation>
    </message>
</context>
<context>
    <name>ExpertsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>revoked {date}: {reason}</source>
        <translation>revoked {date}: {reason}</translation>
    </message>
</context>
<context>
    <name>ExpertsPage</name>
    <message>
        <source>Enrolled experts</source>
        <translation>Enrolled experts</translation>
    </message>
    <message>
        <source>Enrol from request…</source>
        <translation>Enrol from request…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>{n} experts enrolled, {a} active, {r} revoked</source>
        <translation>{n} experts enrolled, {a} active, {r} revoked</translation>
    </message>
    <message>
        <source>Choose an enrolment request</source>
        <translation>Choose an enrolment request</translation>
    </message>
    <message>
        <source>Enrolment requests (*.json);;All files (*)</source>
        <translation>Enrolment requests (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Save the credential for {name}</source>
        <translation>Save the credential for {name}</translation>
    </message>
    <message>
        <source>Credentials (*.rvcred)</source>
        <translation>Credentials (*.rvcred)</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Revoke the credential of {name}</source>
        <translation>Revoke the credential of {name}</translation>
    </message>
    <message>
        <source>Why is the credential of {name} ({org}) revoked? The reason is kept in the ledger.</source>
        <translation>Why is the credential of {name} ({org}) revoked? The reason is kept in the ledger.</translation>
    </message>
    <message>
        <source>A revocation needs a reason.</source>
        <translation>A revocation needs a reason.</translation>
    </message>
</context>
<context>
    <name>ExplanationDialog</name>
    <message>
        <source>Explanation of a divergent score</source>
        <translation>Explanation of a divergent score</translation>
    </message>
    <message>
        <source>{expert} gave {score} for {code}. Enter the expert&apos;s written explanation.</source>
        <translation>{expert} gave {score} for {code}. Enter the expert&apos;s written explanation.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Enter the expert&apos;s explanation.</source>
        <translation>Enter the expert&apos;s explanation.</translation>
    </message>
</context>
<context>
    <name>FigureCheckBox</name>
    <message>
        <source>{points} of {max} (computed from the figure; not scored by hand)</source>
        <translation>{points} of {max} (computed from the figure; not scored by hand)</translation>
    </message>
    <message>
        <source>national {name}</source>
        <translation>national {name}</translation>
    </message>
    <message>
        <source>Objective indicator: check the figure</source>
        <translation>Objective indicator: check the figure</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>&amp;Confirm the figure</source>
        <translation>&amp;Confirm the figure</translation>
    </message>
    <message>
        <source>&amp;Flag the figure</source>
        <translation>&amp;Flag the figure</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Required when you flag the figure; Enter saves it</source>
        <translation>Required when you flag the figure; Enter saves it</translation>
    </message>
    <message>
        <source>A flag needs evidence: add it below.</source>
        <translation>A flag needs evidence: add it below.</translation>
    </message>
</context>
<context>
    <name>FinalisePage</name>
    <message>
        <source>Version {n} of your sheet is signed and locked. It is read-only now.</source>
        <translation>Version {n} of your sheet is signed and locked. It is read-only now.</translation>
    </message>
    <message>
        <source>{n} thing(s) still missing before you can sign. Click one to go there.</source>
        <translation>{n} thing(s) still missing before you can sign. Click one to go there.</translation>
    </message>
    <message>
        <source>Nothing is missing: sign your recusal sheet.</source>
        <translation>Nothing is missing: sign your recusal sheet.</translation>
    </message>
    <message>
        <source>Nothing is missing: you can sign version {n} of your sheet.</source>
        <translation>Nothing is missing: you can sign version {n} of your sheet.</translation>
    </message>
    <message>
        <source>{name}-recusal-v{n}</source>
        <translation>{name}-recusal-v{n}</translation>
    </message>
    <message>
        <source>{name}-sheet-v{n}</source>
        <translation>{name}-sheet-v{n}</translation>
    </message>
    <message>
        <source>Sign the recusal sheet</source>
        <translation>Sign the recusal sheet</translation>
    </message>
    <message>
        <source>Your recusal sheet will be signed with your key and saved to:
{path}

You will take no part in scoring this review. This cannot be undone.</source>
        <translation>Your recusal sheet will be signed with your key and saved to:
{path}

You will take no part in scoring this review. This cannot be undone.</translation>
    </message>
    <message>
        <source>Sign the score sheet</source>
        <translation>Sign the score sheet</translation>
    </message>
    <message>
        <source>Sign version {n}</source>
        <translation>Sign version {n}</translation>
    </message>
    <message>
        <source>Version {n} of your score sheet will be signed with your key and saved to:
{path}

It is then locked: no score, comment or evidence can change any more. Only a return notice from the chair reopens the indicators it names, as a new version.</source>
        <translation>Version {n} of your score sheet will be signed with your key and saved to:
{path}

It is then locked: no score, comment or evidence can change any more. Only a return notice from the chair reopens the indicators it names, as a new version.</translation>
    </message>
    <message>
        <source>Recusal sheet</source>
        <translation>Recusal sheet</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>{kind} written to {path}</source>
        <translation>{kind} written to {path}</translation>
    </message>
    <message>
        <source>Version {n}, signed and verified, {time}</source>
        <translation>Version {n}, signed and verified, {time}</translation>
    </message>
    <message>
        <source>SHA-256 digest: {d}</source>
        <translation>SHA-256 digest: {d}</translation>
    </message>
    <message>
        <source>PDF written to {path}</source>
        <translation>PDF written to {path}</translation>
    </message>
    <message>
        <source>P&amp;review the sheet…</source>
        <translation>P&amp;review the sheet…</translation>
    </message>
    <message>
        <source>The whole sheet as you will sign it, as its PDF shows it</source>
        <translation>The whole sheet as you will sign it, as its PDF shows it</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <source>&amp;Print / export PDF…</source>
        <translation>&amp;Print / export PDF…</translation>
    </message>
    <message>
        <source>Accept return &amp;notice…</source>
        <translation>Accept return &amp;notice…</translation>
    </message>
    <message>
        <source>Finalise and sign</source>
        <translation>Finalise and sign</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Still missing</translation>
    </message>
    <message>
        <source>Signed sheet</source>
        <translation>Signed sheet</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up your identity</source>
        <translation>Set up your identity</translation>
    </message>
</context>
<context>
    <name>FlagsDialog</name>
    <message>
        <source>Priority flags</source>
        <translation>Priority flags</translation>
    </message>
    <message>
        <source>Priority flags of “{name}” set by the ministry, each with its source.</source>
        <translation>Priority flags of “{name}” set by the ministry, each with its source.</translation>
    </message>
    <message>
        <source>document number (文号) or URL</source>
        <translation>document number (文号) or URL</translation>
    </message>
    <message>
        <source>&amp;Flag:</source>
        <translation>&amp;Flag:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <source>Source &amp;date:</source>
        <translation>Source &amp;date:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Not set.</source>
        <translation>Not set.</translation>
    </message>
    <message>
        <source>Set the flag…</source>
        <translation>Set the flag…</translation>
    </message>
    <message>
        <source>Set since {day}, source: {source} ({date}), recorded by {who}.</source>
        <translation>Set since {day}, source: {source} ({date}), recorded by {who}.</translation>
    </message>
    <message>
        <source>Clear the flag…</source>
        <translation>Clear the flag…</translation>
    </message>
</context>
<context>
    <name>GuideHelp</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>Links outside the user guides are not opened: the app works offline ({url}).</source>
        <translation>Links outside the user guides are not opened: the app works offline ({url}).</translation>
    </message>
    <message>
        <source>Expert guide</source>
        <translation>Expert guide</translation>
    </message>
    <message>
        <source>Ministry desk guide</source>
        <translation>Ministry desk guide</translation>
    </message>
    <message>
        <source>Expert quick reference</source>
        <translation>Expert quick reference</translation>
    </message>
    <message>
        <source>Ministry desk quick reference</source>
        <translation>Ministry desk quick reference</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Troubleshooting</translation>
    </message>
    <message>
        <source>The guide could not be shown. The details are in the log.</source>
        <translation>The guide could not be shown. The details are in the log.</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>{guide} (this role)</source>
        <translation>{guide} (this role)</translation>
    </message>
    <message>
        <source>Panel chair&apos;s guide</source>
        <translation>Panel chair&apos;s guide</translation>
    </message>
    <message>
        <source>Panel chair&apos;s quick reference</source>
        <translation>Panel chair&apos;s quick reference</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Document:</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Open the user guide at this step</source>
        <translation>Open the user guide at this step</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Result bundles to import</source>
        <translation>Result bundles to import</translation>
    </message>
    <message>
        <source>Outcome of each file</source>
        <translation>Outcome of each file</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Choose result bundles</source>
        <translation>Choose result bundles</translation>
    </message>
    <message>
        <source>Result bundles (*.rvresult);;All files (*)</source>
        <translation>Result bundles (*.rvresult);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a folder of result bundles</source>
        <translation>Choose a folder of result bundles</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Add the result bundles to import first.</source>
        <translation>Add the result bundles to import first.</translation>
    </message>
    <message>
        <source>{ok} imported, {dup} already there, {bad} refused</source>
        <translation>{ok} imported, {dup} already there, {bad} refused</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Your own signed sheet (version {n}) is not counted: the review record is signed, and counting it would void those signatures. Reopen the record to count it.</source>
        <translation>Your own signed sheet (version {n}) is not counted: the review record is signed, and counting it would void those signatures. Reopen the record to count it.</translation>
    </message>
    <message>
        <source>Recusal</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>version {n}</translation>
    </message>
    <message>
        <source>SHA-256 of the signed header: {digest}</source>
        <translation>SHA-256 of the signed header: {digest}</translation>
    </message>
    <message>
        <source>{n} sheet(s) held: {s} scoring, {r} recused.</source>
        <translation>{n} sheet(s) held: {s} scoring, {r} recused.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Accepted (supersedes an older version)</source>
        <translation>Accepted (supersedes an older version)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>{name} v{version} (recused)</source>
        <translation>{name} v{version} (recused)</translation>
    </message>
    <message>
        <source>{name} v{version}</source>
        <translation>{name} v{version}</translation>
    </message>
    <message>
        <source>{n} file(s) offered, {ok} accepted, {bad} refused.</source>
        <translation>{n} file(s) offered, {ok} accepted, {bad} refused.</translation>
    </message>
    <message>
        <source>Outcome of each imported file</source>
        <translation>Outcome of each imported file</translation>
    </message>
    <message>
        <source>Sheets held for the panel</source>
        <translation>Sheets held for the panel</translation>
    </message>
    <message>
        <source>Import sheets…</source>
        <translation>Import sheets…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <source>Or drop .rvsheet files or folders here. Every sheet is verified before it counts.</source>
        <translation>Or drop .rvsheet files or folders here. Every sheet is verified before it counts.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>Imported from</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>Imported at</translation>
    </message>
</context>
<context>
    <name>LifecycleActions</name>
    <message>
        <source>Paper check…</source>
        <translation>Paper check…</translation>
    </message>
    <message>
        <source>Third-party report…</source>
        <translation>Third-party report…</translation>
    </message>
    <message>
        <source>Open the publicity…</source>
        <translation>Open the publicity…</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Choose a candidate first.</source>
        <translation>Choose a candidate first.</translation>
    </message>
    <message>
        <source>“{name}” has no application waiting for its paper check.</source>
        <translation>“{name}” has no application waiting for its paper check.</translation>
    </message>
    <message>
        <source>The application of “{name}” passes the paper check.</source>
        <translation>The application of “{name}” passes the paper check.</translation>
    </message>
    <message>
        <source>The application of “{name}” does not pass: it is not admitted ({note}).</source>
        <translation>The application of “{name}” does not pass: it is not admitted ({note}).</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <source>Paper check</source>
        <translation>Paper check</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>A third-party report belongs to a park&apos;s application under review.</source>
        <translation>A third-party report belongs to a park&apos;s application under review.</translation>
    </message>
    <message>
        <source>The report {file} of {institution} on “{name}” will be recorded. This cannot be undone.</source>
        <translation>The report {file} of {institution} on “{name}” will be recorded. This cannot be undone.</translation>
    </message>
    <message>
        <source>Third-party report</source>
        <translation>Third-party report</translation>
    </message>
    <message>
        <source>Recorded the third-party report on “{name}” (SHA-256 {sha}…).</source>
        <translation>Recorded the third-party report on “{name}” (SHA-256 {sha}…).</translation>
    </message>
    <message>
        <source>“{name}” has no result under publicity.</source>
        <translation>“{name}” has no result under publicity.</translation>
    </message>
    <message>
        <source>The publicity of “{name}” runs from {start} to {end}.</source>
        <translation>The publicity of “{name}” runs from {start} to {end}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clear recent standards</source>
        <translation>Clear recent standards</translation>
    </message>
    <message>
        <source>No recent standards</source>
        <translation>No recent standards</translation>
    </message>
    <message>
        <source>Clear recent packages</source>
        <translation>Clear recent packages</translation>
    </message>
    <message>
        <source>No recent packages</source>
        <translation>No recent packages</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open standard…</source>
        <translation>&amp;Open standard…</translation>
    </message>
    <message>
        <source>Open &amp;package…</source>
        <translation>Open &amp;package…</translation>
    </message>
    <message>
        <source>Recent standards</source>
        <translation>Recent standards</translation>
    </message>
    <message>
        <source>Recent packages</source>
        <translation>Recent packages</translation>
    </message>
    <message>
        <source>Accept return notice…</source>
        <translation>Accept return notice…</translation>
    </message>
    <message>
        <source>Open ministry desk…</source>
        <translation>Open ministry desk…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Reviewer</source>
        <translation>&amp;About Reviewer</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>Opened {name}</translation>
    </message>
    <message>
        <source>Open the package you reviewed first.</source>
        <translation>Open the package you reviewed first.</translation>
    </message>
    <message>
        <source>Choose the authority folder</source>
        <translation>Choose the authority folder</translation>
    </message>
    <message>
        <source>Opening the ministry desk…</source>
        <translation>Opening the ministry desk…</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Not shown</source>
        <translation>Not shown</translation>
    </message>
    <message>
        <source>{name}
SHA-256 {sha}</source>
        <translation>{name}
SHA-256 {sha}</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>MaterialsViewer</name>
    <message>
        <source>Choose a material on the left.</source>
        <translation>Choose a material on the left.</translation>
    </message>
    <message>
        <source>No package is open.</source>
        <translation>No package is open.</translation>
    </message>
    <message>
        <source>The package has no material named “{name}”.</source>
        <translation>The package has no material named “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” ({size}, SHA-256 {sha}) is not a PDF, so it is not shown in the app. It stays sealed in the package; it is listed here so you know it is there.</source>
        <translation>“{name}” ({size}, SHA-256 {sha}) is not a PDF, so it is not shown in the app. It stays sealed in the package; it is listed here so you know it is there.</translation>
    </message>
    <message>
        <source>p. {page}: …{before}【{match}】{after}…</source>
        <translation>p. {page}: …{before}【{match}】{after}…</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <source>Select an indicator in the scoring view first, then cite the page.</source>
        <translation>Select an indicator in the scoring view first, then cite the page.</translation>
    </message>
    <message>
        <source>Page {page} of {name} cited as evidence for {code}.</source>
        <translation>Page {page} of {name} cited as evidence for {code}.</translation>
    </message>
    <message>
        <source>The page could not be cited.</source>
        <translation>The page could not be cited.</translation>
    </message>
    <message>
        <source>“{name}” could not be read as a PDF.</source>
        <translation>“{name}” could not be read as a PDF.</translation>
    </message>
    <message>
        <source>The material could not be opened.</source>
        <translation>The material could not be opened.</translation>
    </message>
    <message>
        <source>Materials in the package</source>
        <translation>Materials in the package</translation>
    </message>
    <message>
        <source>Search in this material</source>
        <translation>Search in this material</translation>
    </message>
    <message>
        <source>Text to find, then Enter</source>
        <translation>Text to find, then Enter</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Page of the material</source>
        <translation>Page of the material</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>{name} (recused: the sheet does not count)</source>
        <translation>{name} (recused: the sheet does not count)</translation>
    </message>
    <message>
        <source>The value taken: the consensus score where the panel set one, else the aggregate</source>
        <translation>The value taken: the consensus score where the panel set one, else the aggregate</translation>
    </message>
    <message>
        <source>recused</source>
        <translation>recused</translation>
    </message>
    <message>
        <source>{value} (consensus, {status})</source>
        <translation>{value} (consensus, {status})</translation>
    </message>
    <message>
        <source>{value} (consensus)</source>
        <translation>{value} (consensus)</translation>
    </message>
    <message>
        <source>{value} (proposed {proposed}, {status})</source>
        <translation>{value} (proposed {proposed}, {status})</translation>
    </message>
    <message>
        <source>Divergent: {score} is more than {pct}% away from the panel mean {mean}.</source>
        <translation>Divergent: {score} is more than {pct}% away from the panel mean {mean}.</translation>
    </message>
    <message>
        <source>Explained (recorded): {text}</source>
        <translation>Explained (recorded): {text}</translation>
    </message>
    <message>
        <source>Needed: the expert re-checks it and explains it in writing.</source>
        <translation>Needed: the expert re-checks it and explains it in writing.</translation>
    </message>
    <message>
        <source>Divergent: the spread {spread} is more than {share} of the {points} points ({limit}).</source>
        <translation>Divergent: the spread {spread} is more than {share} of the {points} points ({limit}).</translation>
    </message>
    <message>
        <source>Settled: the panel set the consensus score {value}.</source>
        <translation>Settled: the panel set the consensus score {value}.</translation>
    </message>
    <message>
        <source>Needed: the panel discusses it (a consensus score may settle it).</source>
        <translation>Needed: the panel discusses it (a consensus score may settle it).</translation>
    </message>
    <message>
        <source>Consensus score {value} (computed {aggregate}). Rationale: {why}</source>
        <translation>Consensus score {value} (computed {aggregate}). Rationale: {why}</translation>
    </message>
    <message>
        <source>Leniency</source>
        <translation>Leniency</translation>
    </message>
    <message>
        <source>Leniency: each expert&apos;s mean deviation from the panel&apos;s aggregate (above 0: more lenient, below 0: stricter).</source>
        <translation>Leniency: each expert&apos;s mean deviation from the panel&apos;s aggregate (above 0: more lenient, below 0: stricter).</translation>
    </message>
    <message>
        <source>Mean deviation from the panel&apos;s aggregate: {signed} (above 0: more lenient, below 0: stricter); mean absolute deviation {abs}.</source>
        <translation>Mean deviation from the panel&apos;s aggregate: {signed} (above 0: more lenient, below 0: stricter); mean absolute deviation {abs}.</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>Aggregate</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <source>trimmed mean (highest and lowest dropped from {n} experts)</source>
        <translation>trimmed mean (highest and lowest dropped from {n} experts)</translation>
    </message>
    <message>
        <source>Computed aggregate: {method}, rounded half up to {places} decimal places</source>
        <translation>Computed aggregate: {method}, rounded half up to {places} decimal places</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Select a score to read the expert&apos;s comment and evidence.</source>
        <translation>Select a score to read the expert&apos;s comment and evidence.</translation>
    </message>
    <message>
        <source>No reconciliation yet</source>
        <translation>No reconciliation yet</translation>
    </message>
    <message>
        <source>Import the panel&apos;s sheets to reconcile them.</source>
        <translation>Import the panel&apos;s sheets to reconcile them.</translation>
    </message>
    <message>
        <source>No conclusion</source>
        <translation>No conclusion</translation>
    </message>
    <message>
        <source>Result: {label}</source>
        <translation>Result: {label}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Total: {total} of {points}</source>
        <translation>Total: {total} of {points}</translation>
    </message>
    <message>
        <source>Sheets counted: {n} (quorum {q})</source>
        <translation>Sheets counted: {n} (quorum {q})</translation>
    </message>
    <message>
        <source>Vetoes: {items}</source>
        <translation>Vetoes: {items}</translation>
    </message>
    <message>
        <source>Gates: {items}</source>
        <translation>Gates: {items}</translation>
    </message>
    <message>
        <source>Failed minimums: {codes}</source>
        <translation>Failed minimums: {codes}</translation>
    </message>
    <message>
        <source>Divergent scores: {n}, unexplained: {u}</source>
        <translation>Divergent scores: {n}, unexplained: {u}</translation>
    </message>
    <message>
        <source>Consensus scores: {n}</source>
        <translation>Consensus scores: {n}</translation>
    </message>
    <message>
        <source>Flagged figures: {items}</source>
        <translation>Flagged figures: {items}</translation>
    </message>
    <message>
        <source>Red: a divergence still to be explained or settled; green: explained (hover a cell for the rule and what is needed). Sort by Spread to find where discussion is needed. The last row shows each expert&apos;s leniency.</source>
        <translation>Red: a divergence still to be explained or settled; green: explained (hover a cell for the rule and what is needed). Sort by Spread to find where discussion is needed. The last row shows each expert&apos;s leniency.</translation>
    </message>
    <message>
        <source>Selected score</source>
        <translation>Selected score</translation>
    </message>
    <message>
        <source>Score matrix</source>
        <translation>Score matrix</translation>
    </message>
    <message>
        <source>One row per indicator, one column per expert; red cells are divergent scores</source>
        <translation>One row per indicator, one column per expert; red cells are divergent scores</translation>
    </message>
    <message>
        <source>Conclusion (recomputed after every decision)</source>
        <translation>Conclusion (recomputed after every decision)</translation>
    </message>
    <message>
        <source>Set a consensus score…</source>
        <translation>Set a consensus score…</translation>
    </message>
    <message>
        <source>Enter the expert&apos;s explanation…</source>
        <translation>Enter the expert&apos;s explanation…</translation>
    </message>
    <message>
        <source>Return the sheet for correction…</source>
        <translation>Return the sheet for correction…</translation>
    </message>
</context>
<context>
    <name>MemberVoteDialog</name>
    <message>
        <source>Vote on the chair&apos;s motion</source>
        <translation>Vote on the chair&apos;s motion</translation>
    </message>
    <message>
        <source>{who}: approve or object to each proposed change and to the draft opinion (an objection needs its reason). You may write your own dissent. Your vote is signed with your key and printed in the review record under your name.</source>
        <translation>{who}: approve or object to each proposed change and to the draft opinion (an objection needs its reason). You may write your own dissent. Your vote is signed with your key and printed in the review record under your name.</translation>
    </message>
    <message>
        <source>Computed aggregate {aggregate} → proposed {proposed}. Ground: {ground}.</source>
        <translation>Computed aggregate {aggregate} → proposed {proposed}. Ground: {ground}.</translation>
    </message>
    <message>
        <source>Rationale: {why}</source>
        <translation>Rationale: {why}</translation>
    </message>
    <message>
        <source>Draft panel opinion</source>
        <translation>Draft panel opinion</translation>
    </message>
    <message>
        <source>the draft panel opinion</source>
        <translation>the draft panel opinion</translation>
    </message>
    <message>
        <source>Your dissent in your own words, if any</source>
        <translation>Your dissent in your own words, if any</translation>
    </message>
    <message>
        <source>Your dissent</source>
        <translation>Your dissent</translation>
    </message>
    <message>
        <source>Dissent (optional)</source>
        <translation>Dissent (optional)</translation>
    </message>
    <message>
        <source>Sign my vote…</source>
        <translation>Sign my vote…</translation>
    </message>
    <message>
        <source>Approve or object to the change of {code}.</source>
        <translation>Approve or object to the change of {code}.</translation>
    </message>
    <message>
        <source>Give the reason for objecting to the change of {code}.</source>
        <translation>Give the reason for objecting to the change of {code}.</translation>
    </message>
    <message>
        <source>Approve or object to the draft panel opinion.</source>
        <translation>Approve or object to the draft panel opinion.</translation>
    </message>
</context>
<context>
    <name>MinistryPanel</name>
    <message>
        <source>Ministry desk</source>
        <translation>Ministry desk</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Data returns</source>
        <translation>Data returns</translation>
    </message>
    <message>
        <source>Annual evaluation</source>
        <translation>Annual evaluation</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>locked until needed</source>
        <translation>locked until needed</translation>
    </message>
    <message>
        <source>Ministry desk — {name} (root {fp}, {suite}, keys {state}) · registry: {db}</source>
        <translation>Ministry desk — {name} (root {fp}, {suite}, keys {state}) · registry: {db}</translation>
    </message>
</context>
<context>
    <name>MotionPage</name>
    <message>
        <source>Panel vote</source>
        <translation>Panel vote</translation>
    </message>
    <message>
        <source>You declared a conflict of interest and recused yourself: you do not vote.</source>
        <translation>You declared a conflict of interest and recused yourself: you do not vote.</translation>
    </message>
    <message>
        <source>Open the chair&apos;s motion first.</source>
        <translation>Open the chair&apos;s motion first.</translation>
    </message>
    <message>
        <source>The draft opinion: approve or object.</source>
        <translation>The draft opinion: approve or object.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Your statement on the motion the chair {chair} made on {time}:</source>
        <translation>Your statement on the motion the chair {chair} made on {time}:</translation>
    </message>
    <message>
        <source> (reason: {reason})</source>
        <translation> (reason: {reason})</translation>
    </message>
    <message>
        <source>• Draft opinion: {vote}</source>
        <translation>• Draft opinion: {vote}</translation>
    </message>
    <message>
        <source>Your reservation: {text}</source>
        <translation>Your reservation: {text}</translation>
    </message>
    <message>
        <source>No reservation.</source>
        <translation>No reservation.</translation>
    </message>
    <message>
        <source>{name}-statement</source>
        <translation>{name}-statement</translation>
    </message>
    <message>
        <source>{preview}

This statement will be signed with your key and saved to:
{path}

Give the file to the chair. Once signed it cannot be changed; a new statement replaces it.</source>
        <translation>{preview}

This statement will be signed with your key and saved to:
{path}

Give the file to the chair. Once signed it cannot be changed; a new statement replaces it.</translation>
    </message>
    <message>
        <source>Sign your statement</source>
        <translation>Sign your statement</translation>
    </message>
    <message>
        <source>Sign the statement</source>
        <translation>Sign the statement</translation>
    </message>
    <message>
        <source>You have signed {n} statement(s) on this package; the last on {time} (SHA-256 {digest}).</source>
        <translation>You have signed {n} statement(s) on this package; the last on {time} (SHA-256 {digest}).</translation>
    </message>
    <message>
        <source>Statement signed and verified, saved to {path} (SHA-256 {digest}). Give it to the chair.</source>
        <translation>Statement signed and verified, saved to {path} (SHA-256 {digest}). Give it to the chair.</translation>
    </message>
    <message>
        <source>Strengths:</source>
        <translation>Strengths:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problems:</translation>
    </message>
    <message>
        <source>Recommendations:</source>
        <translation>Recommendations:</translation>
    </message>
    <message>
        <source>Conclusion: {text}</source>
        <translation>Conclusion: {text}</translation>
    </message>
    <message>
        <source>The chair puts the proposed changes of scores and the draft panel opinion to the panel as a motion (.rvmotion). Open it, approve or object to each item (an objection needs a reason), write your own reservation if you have one, then sign your statement and give the file to the chair.</source>
        <translation>The chair puts the proposed changes of scores and the draft panel opinion to the panel as a motion (.rvmotion). Open it, approve or object to each item (an objection needs a reason), write your own reservation if you have one, then sign your statement and give the file to the chair.</translation>
    </message>
    <message>
        <source>&amp;Open the chair&apos;s motion…</source>
        <translation>&amp;Open the chair&apos;s motion…</translation>
    </message>
    <message>
        <source>Preview and &amp;sign the statement…</source>
        <translation>Preview and &amp;sign the statement…</translation>
    </message>
    <message>
        <source>Proposed changes</source>
        <translation>Proposed changes</translation>
    </message>
    <message>
        <source>Draft panel opinion</source>
        <translation>Draft panel opinion</translation>
    </message>
    <message>
        <source>Your vote on the &amp;draft opinion:</source>
        <translation>Your vote on the &amp;draft opinion:</translation>
    </message>
    <message>
        <source>Your vote on the draft opinion</source>
        <translation>Your vote on the draft opinion</translation>
    </message>
    <message>
        <source>Your reservation (optional)</source>
        <translation>Your reservation (optional)</translation>
    </message>
    <message>
        <source>A reservation you write here is signed by you and printed in the record under your name.</source>
        <translation>A reservation you write here is signed by you and printed in the record under your name.</translation>
    </message>
    <message>
        <source>Your reservation</source>
        <translation>Your reservation</translation>
    </message>
    <message>
        <source>Your signed statement</source>
        <translation>Your signed statement</translation>
    </message>
    <message>
        <source>No motion opened yet.</source>
        <translation>No motion opened yet.</translation>
    </message>
    <message>
        <source>Motion made by the chair {chair} on {time}: {n} proposed change(s); verified.</source>
        <translation>Motion made by the chair {chair} on {time}: {n} proposed change(s); verified.</translation>
    </message>
</context>
<context>
    <name>OpenPublicityDialog</name>
    <message>
        <source>Open the publicity</source>
        <translation>Open the publicity</translation>
    </message>
    <message>
        <source>The publicity of “{name}”: both the first and the last day count.</source>
        <translation>The publicity of “{name}”: both the first and the last day count.</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Length</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>&amp;Start (Beijing):</source>
        <translation>&amp;Start (Beijing):</translation>
    </message>
    <message>
        <source>Open the publicity…</source>
        <translation>Open the publicity…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The end date is before the start.</source>
        <translation>The end date is before the start.</translation>
    </message>
    <message>
        <source>Publicity from {start} to {end} (Beijing time); it can be decided from {after}.</source>
        <translation>Publicity from {start} to {end} (Beijing time); it can be decided from {after}.</translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <source>Saved by {who} at {at}.</source>
        <translation>Saved by {who} at {at}.</translation>
    </message>
    <message>
        <source>• {name}, {at}, written and signed by the member: {text}</source>
        <translation>• {name}, {at}, written and signed by the member: {text}</translation>
    </message>
    <message>
        <source>No dissent recorded.</source>
        <translation>No dissent recorded.</translation>
    </message>
    <message>
        <source>The text has not been put to the panel yet (Panel vote page).</source>
        <translation>The text has not been put to the panel yet (Panel vote page).</translation>
    </message>
    <message>
        <source>Approved the text: {names}.</source>
        <translation>Approved the text: {names}.</translation>
    </message>
    <message>
        <source>Objected: {names}.</source>
        <translation>Objected: {names}.</translation>
    </message>
    <message>
        <source>Panel opinion</source>
        <translation>Panel opinion</translation>
    </message>
    <message>
        <source>Strengths (one a line)</source>
        <translation>Strengths (one a line)</translation>
    </message>
    <message>
        <source>Problems (one a line)</source>
        <translation>Problems (one a line)</translation>
    </message>
    <message>
        <source>Recommendations (one a line)</source>
        <translation>Recommendations (one a line)</translation>
    </message>
    <message>
        <source>Conclusion wording</source>
        <translation>Conclusion wording</translation>
    </message>
    <message>
        <source>Save the opinion</source>
        <translation>Save the opinion</translation>
    </message>
    <message>
        <source>Dissents</source>
        <translation>Dissents</translation>
    </message>
    <message>
        <source>A dissent is written and signed by the member, with their vote (Panel vote page: Member votes… or Import votes…); it is printed in the review record under their name.</source>
        <translation>A dissent is written and signed by the member, with their vote (Panel vote page: Member votes… or Import votes…); it is printed in the review record under their name.</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>imported (newer version)</source>
        <translation>imported (newer version)</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>package {pkg}, version {v} → {status}</source>
        <translation>package {pkg}, version {v} → {status}</translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>Panel chair</source>
        <translation>Panel chair</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>No identity or passphrase was given, so the package stays closed.</source>
        <translation>No identity or passphrase was given, so the package stays closed.</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect; the details are in the log.</source>
        <translation>Something went wrong that the app did not expect; the details are in the log.</translation>
    </message>
    <message>
        <source>Open package</source>
        <translation>Open package</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>PackageSummary</name>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Root fingerprint (SHA-256)</source>
        <translation>Root fingerprint (SHA-256)</translation>
    </message>
    <message>
        <source>Algorithm suite</source>
        <translation>Algorithm suite</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Expert panel</source>
        <translation>Expert panel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>{name} ({org}), serving as {role}</source>
        <translation>{name} ({org}), serving as {role}</translation>
    </message>
    <message>
        <source>version {v}</source>
        <translation>version {v}</translation>
    </message>
    <message>
        <source>Package summary</source>
        <translation>Package summary</translation>
    </message>
    <message>
        <source>issued {created}, expires {expires}</source>
        <translation>issued {created}, expires {expires}</translation>
    </message>
    <message>
        <source>Valid: signed under the ministry root your identity trusts; not revoked; within its validity.</source>
        <translation>Valid: signed under the ministry root your identity trusts; not revoked; within its validity.</translation>
    </message>
    <message>
        <source>All {n} files ({size}) were decrypted and checked in memory; nothing was written to disk.</source>
        <translation>All {n} files ({size}) were decrypted and checked in memory; nothing was written to disk.</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>a recipient, not on the panel</source>
        <translation>a recipient, not on the panel</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (you)</translation>
    </message>
    <message>
        <source>Certificate SHA-256: {fp}</source>
        <translation>Certificate SHA-256: {fp}</translation>
    </message>
    <message>
        <source>Materials ({n})</source>
        <translation>Materials ({n})</translation>
    </message>
</context>
<context>
    <name>PageBar</name>
    <message>
        <source>of {n}</source>
        <translation>of {n}</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Cite this page</source>
        <translation>Cite this page</translation>
    </message>
    <message>
        <source>&amp;Cite this page for {code}</source>
        <translation>&amp;Cite this page for {code}</translation>
    </message>
    <message>
        <source>Add this page as evidence for indicator {code}, selected in the scoring page</source>
        <translation>Add this page as evidence for indicator {code}, selected in the scoring page</translation>
    </message>
    <message>
        <source>Add this page as evidence for the selected indicator</source>
        <translation>Add this page as evidence for the selected indicator</translation>
    </message>
</context>
<context>
    <name>PanelChoiceModel</name>
    <message>
        <source>On panel</source>
        <translation>On panel</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>revoked: {reason}</source>
        <translation>revoked: {reason}</translation>
    </message>
</context>
<context>
    <name>PanelComposer</name>
    <message>
        <source>Experts to put on the panel</source>
        <translation>Experts to put on the panel</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Famous software park</source>
        <translation>Famous software park</translation>
    </message>
    <message>
        <source>Famous software city</source>
        <translation>Famous software city</translation>
    </message>
    <message>
        <source>Load candidate file…</source>
        <translation>Load candidate file…</translation>
    </message>
    <message>
        <source>Choose a candidate file</source>
        <translation>Choose a candidate file</translation>
    </message>
    <message>
        <source>Candidate files (*.json);;All files (*)</source>
        <translation>Candidate files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>[{rule}] {finding}</source>
        <translation>[{rule}] {finding}</translation>
    </message>
    <message>
        <source>{n} experts chosen; chair: {chair}</source>
        <translation>{n} experts chosen; chair: {chair}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Cannot be sealed: {why}</source>
        <translation>Cannot be sealed: {why}</translation>
    </message>
    <message>
        <source>Warning: {why}</source>
        <translation>Warning: {why}</translation>
    </message>
</context>
<context>
    <name>PaperCheckDialog</name>
    <message>
        <source>Paper check</source>
        <translation>Paper check</translation>
    </message>
    <message>
        <source>The paper check of “{name}”&apos;s application. Tick what is met; passing needs every item.</source>
        <translation>The paper check of “{name}”&apos;s application. Tick what is met; passing needs every item.</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <source>&amp;Passed</source>
        <translation>&amp;Passed</translation>
    </message>
    <message>
        <source>&amp;Not passed: not admitted</source>
        <translation>&amp;Not passed: not admitted</translation>
    </message>
    <message>
        <source>N&amp;ote (why it did not pass):</source>
        <translation>N&amp;ote (why it did not pass):</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{n} item(s) not met: it cannot pass.</source>
        <translation>{n} item(s) not met: it cannot pass.</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <source>Record progress report…</source>
        <translation>Record progress report…</translation>
    </message>
    <message>
        <source>Priority flags…</source>
        <translation>Priority flags…</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Choose a candidate first.</source>
        <translation>Choose a candidate first.</translation>
    </message>
    <message>
        <source>“{name}” is not creating: it owes no progress reports.</source>
        <translation>“{name}” is not creating: it owes no progress reports.</translation>
    </message>
    <message>
        <source>The report {file} of “{name}” due {due}, received {received}, will be recorded. This cannot be undone.</source>
        <translation>The report {file} of “{name}” due {due}, received {received}, will be recorded. This cannot be undone.</translation>
    </message>
    <message>
        <source>Record a progress report</source>
        <translation>Record a progress report</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Recorded the progress report of “{name}” due {due} (SHA-256 {sha}…).</source>
        <translation>Recorded the progress report of “{name}” due {due} (SHA-256 {sha}…).</translation>
    </message>
    <message>
        <source>No priority flag applies to “{name}”.</source>
        <translation>No priority flag applies to “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” will carry the flag “{flag}” (source: {source}).</source>
        <translation>“{name}” will carry the flag “{flag}” (source: {source}).</translation>
    </message>
    <message>
        <source>The flag “{flag}” of “{name}” will be cleared (source: {source}).</source>
        <translation>The flag “{flag}” of “{name}” will be cleared (source: {source}).</translation>
    </message>
    <message>
        <source>The registry keeps this in the flag&apos;s history.</source>
        <translation>The registry keeps this in the flag&apos;s history.</translation>
    </message>
    <message>
        <source>Priority flags</source>
        <translation>Priority flags</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>“{name}” now carries “{flag}”.</source>
        <translation>“{name}” now carries “{flag}”.</translation>
    </message>
    <message>
        <source>“{name}” no longer carries “{flag}”.</source>
        <translation>“{name}” no longer carries “{flag}”.</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <source>Close the publicity</source>
        <translation>Close the publicity</translation>
    </message>
    <message>
        <source>“{name}” is under publicity ({year}). How did the publicity end?</source>
        <translation>“{name}” is under publicity ({year}). How did the publicity end?</translation>
    </message>
    <message>
        <source>&amp;No objection: award the title</source>
        <translation>&amp;No objection: award the title</translation>
    </message>
    <message>
        <source>An &amp;objection was upheld: the candidate stays creating</source>
        <translation>An &amp;objection was upheld: the candidate stays creating</translation>
    </message>
    <message>
        <source>&amp;Reason for the objection (kept in the registry):</source>
        <translation>&amp;Reason for the objection (kept in the registry):</translation>
    </message>
    <message>
        <source>Close the publicity…</source>
        <translation>Close the publicity…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>The record is up to date; its signatures are kept.</source>
        <translation>The record is up to date; its signatures are kept.</translation>
    </message>
    <message>
        <source>Review record</source>
        <translation>Review record</translation>
    </message>
    <message>
        <source>The record on file carries {n} signature(s) but was made from other decisions. Reopen the record first: its signatures are then discarded, and the reopening is logged.</source>
        <translation>The record on file carries {n} signature(s) but was made from other decisions. Reopen the record first: its signatures are then discarded, and the reopening is logged.</translation>
    </message>
    <message>
        <source>Laying out the record…</source>
        <translation>Laying out the record…</translation>
    </message>
    <message>
        <source>Saving the record…</source>
        <translation>Saving the record…</translation>
    </message>
    <message>
        <source>Unlocking the member&apos;s key…</source>
        <translation>Unlocking the member&apos;s key…</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <source>A copy of the record, with every signature it carries, was saved in the clear: {path}
Keep it where only the panel can read it.</source>
        <translation>A copy of the record, with every signature it carries, was saved in the clear: {path}
Keep it where only the panel can read it.</translation>
    </message>
    <message>
        <source>Save a copy of the record…</source>
        <translation>Save a copy of the record…</translation>
    </message>
    <message>
        <source>Sign and close the record</source>
        <translation>Sign and close the record</translation>
    </message>
    <message>
        <source>You sign the review record as the chair, last, after {names}. Your signature closes the record: no field can be signed or changed afterwards, nothing can reopen it, and the decisions it was made from are final. A corrected result is then only a new result version made from this record.</source>
        <translation>You sign the review record as the chair, last, after {names}. Your signature closes the record: no field can be signed or changed afterwards, nothing can reopen it, and the decisions it was made from are final. A corrected result is then only a new result version made from this record.</translation>
    </message>
    <message>
        <source>Sign and close</source>
        <translation>Sign and close</translation>
    </message>
    <message>
        <source>Signing as the chair…</source>
        <translation>Signing as the chair…</translation>
    </message>
    <message>
        <source>Give the reason for reopening the record: it is logged.</source>
        <translation>Give the reason for reopening the record: it is logged.</translation>
    </message>
    <message>
        <source>Reopen the record</source>
        <translation>Reopen the record</translation>
    </message>
    <message>
        <source>Reopening discards the signatures of {names} ({n} in all): they no longer count, and every member must sign the record again once it is produced again.

The signed record is set aside, not deleted: {kept}
The reopening is logged with your name, the time, your reason and the SHA-256 of the record set aside ({digest}).

Reason: {reason}</source>
        <translation>Reopening discards the signatures of {names} ({n} in all): they no longer count, and every member must sign the record again once it is produced again.

The signed record is set aside, not deleted: {kept}
The reopening is logged with your name, the time, your reason and the SHA-256 of the record set aside ({digest}).

Reason: {reason}</translation>
    </message>
    <message>
        <source>Setting the signed record aside…</source>
        <translation>Setting the signed record aside…</translation>
    </message>
    <message>
        <source>Saving a copy of the record…</source>
        <translation>Saving a copy of the record…</translation>
    </message>
    <message>
        <source>Checking the signatures against the ministry root…</source>
        <translation>Checking the signatures against the ministry root…</translation>
    </message>
    <message>
        <source>The record is closed (the chair signed last): nothing reopens it and the decisions are final. A corrected result file is produced from this record with a higher result version.</source>
        <translation>The record is closed (the chair signed last): nothing reopens it and the decisions are final. A corrected result file is produced from this record with a higher result version.</translation>
    </message>
    <message>
        <source>Signed by {names}: the decisions, the opinion, the dissents, the visit and the sheets are frozen. To change any of them, reopen the record (the signatures are discarded).</source>
        <translation>Signed by {names}: the decisions, the opinion, the dissents, the visit and the sheets are frozen. To change any of them, reopen the record (the signatures are discarded).</translation>
    </message>
    <message>
        <source>The record was reopened; the signed file was set aside as {kept}. Change what is needed, then produce the record again: every member signs it again.</source>
        <translation>The record was reopened; the signed file was set aside as {kept}. Change what is needed, then produce the record again: every member signs it again.</translation>
    </message>
    <message>
        <source>No record yet. Enter the visit and the panel opinion, then produce the record.</source>
        <translation>No record yet. Enter the visit and the panel opinion, then produce the record.</translation>
    </message>
    <message>
        <source>The record on file was made from other decisions: reopen it, then produce it again.</source>
        <translation>The record on file was made from other decisions: reopen it, then produce it again.</translation>
    </message>
    <message>
        <source>The record on file was made from other decisions: produce it again.</source>
        <translation>The record on file was made from other decisions: produce it again.</translation>
    </message>
    <message>
        <source>The record is closed by the chair; the members who did not sign are stated on its signature page.</source>
        <translation>The record is closed by the chair; the members who did not sign are stated on its signature page.</translation>
    </message>
    <message>
        <source>The record is closed: every member and the chair have signed.</source>
        <translation>The record is closed: every member and the chair have signed.</translation>
    </message>
    <message>
        <source>Every member has signed, refused in writing or been recorded as not signed: the chair signs last and closes the record.</source>
        <translation>Every member has signed, refused in writing or been recorded as not signed: the chair signs last and closes the record.</translation>
    </message>
    <message>
        <source>Every member has signed: the chair signs last and closes the record.</source>
        <translation>Every member has signed: the chair signs last and closes the record.</translation>
    </message>
    <message>
        <source>Waiting for the signature of: {who}.</source>
        <translation>Waiting for the signature of: {who}.</translation>
    </message>
    <message>
        <source>Kept encrypted on this computer: {path}
To read or print the record, or give it to the members, save a copy of it.</source>
        <translation>Kept encrypted on this computer: {path}
To read or print the record, or give it to the members, save a copy of it.</translation>
    </message>
    <message>
        <source>Review record and result file</source>
        <translation>Review record and result file</translation>
    </message>
    <message>
        <source>Produce the review record</source>
        <translation>Produce the review record</translation>
    </message>
    <message>
        <source>Co-sign as a member…</source>
        <translation>Co-sign as a member…</translation>
    </message>
    <message>
        <source>Refuse to sign…</source>
        <translation>Refuse to sign…</translation>
    </message>
    <message>
        <source>Sign and close (chair)…</source>
        <translation>Sign and close (chair)…</translation>
    </message>
    <message>
        <source>Reopen the record…</source>
        <translation>Reopen the record…</translation>
    </message>
    <message>
        <source>The record on file carries signatures but was made from other decisions: reopen it, then produce it again; every member must then sign it again.</source>
        <translation>The record on file carries signatures but was made from other decisions: reopen it, then produce it again; every member must then sign it again.</translation>
    </message>
    <message>
        <source>Signing the refusal…</source>
        <translation>Signing the refusal…</translation>
    </message>
    <message>
        <source>Recording the member as not signed…</source>
        <translation>Recording the member as not signed…</translation>
    </message>
    <message>
        <source>Withdrawing the record…</source>
        <translation>Withdrawing the record…</translation>
    </message>
    <message>
        <source>Checking the refusals…</source>
        <translation>Checking the refusals…</translation>
    </message>
</context>
<context>
    <name>RecordProgressDialog</name>
    <message>
        <source>Record a progress report</source>
        <translation>Record a progress report</translation>
    </message>
    <message>
        <source>A creation progress report of “{name}”. The file is not copied: the registry keeps its name and SHA-256.</source>
        <translation>A creation progress report of “{name}”. The file is not copied: the registry keeps its name and SHA-256.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Due period:</source>
        <translation>&amp;Due period:</translation>
    </message>
    <message>
        <source>&amp;Received on (Beijing):</source>
        <translation>&amp;Received on (Beijing):</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>received {day}</source>
        <translation>received {day}</translation>
    </message>
    <message>
        <source>not yet received</source>
        <translation>not yet received</translation>
    </message>
    <message>
        <source>Choose the progress report</source>
        <translation>Choose the progress report</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>RecordViewer</name>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Page {page} of {count}</translation>
    </message>
    <message>
        <source>The review record could not be shown.</source>
        <translation>The review record could not be shown.</translation>
    </message>
    <message>
        <source>No review record yet: produce it to read it here before anyone signs.</source>
        <translation>No review record yet: produce it to read it here before anyone signs.</translation>
    </message>
    <message>
        <source>The review record as it will be signed</source>
        <translation>The review record as it will be signed</translation>
    </message>
    <message>
        <source>Pages of the review record</source>
        <translation>Pages of the review record</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>The signatures&apos; appearance is not drawn here; the app has checked every signature on the record.</source>
        <translation>The signatures&apos; appearance is not drawn here; the app has checked every signature on the record.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register a candidate</source>
        <translation>Register a candidate</translation>
    </message>
    <message>
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <source>park</source>
        <translation>park</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>&amp;Province</translation>
    </message>
    <message>
        <source>C&amp;ity (for a park: the city it lies in)</source>
        <translation>C&amp;ity (for a park: the city it lies in)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Candidates in the registry</source>
        <translation>Candidates in the registry</translation>
    </message>
    <message>
        <source>Candidate history</source>
        <translation>Candidate history</translation>
    </message>
    <message>
        <source>Year: stars, warnings, exits</source>
        <translation>Year: stars, warnings, exits</translation>
    </message>
    <message>
        <source>Expert calibration</source>
        <translation>Expert calibration</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Register a candidate…</source>
        <translation>Register a candidate…</translation>
    </message>
    <message>
        <source>Close the publicity…</source>
        <translation>Close the publicity…</translation>
    </message>
    <message>
        <source>Export calibration…</source>
        <translation>Export calibration…</translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation>Export history…</translation>
    </message>
    <message>
        <source>Export year report…</source>
        <translation>Export year report…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <source>park</source>
        <translation>park</translation>
    </message>
    <message>
        <source>{n} of {total} candidates</source>
        <translation>{n} of {total} candidates</translation>
    </message>
    <message>
        <source>Enter or double-click a review to see its scores</source>
        <translation>Enter or double-click a review to see its scores</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Choose a candidate under publicity first.</source>
        <translation>Choose a candidate under publicity first.</translation>
    </message>
    <message>
        <source>“{name}” will be awarded the title. This cannot be undone.</source>
        <translation>“{name}” will be awarded the title. This cannot be undone.</translation>
    </message>
    <message>
        <source>Award the title</source>
        <translation>Award the title</translation>
    </message>
    <message>
        <source>The objection will be recorded and “{name}” stays creating. This cannot be undone.</source>
        <translation>The objection will be recorded and “{name}” stays creating. This cannot be undone.</translation>
    </message>
    <message>
        <source>Record the objection</source>
        <translation>Record the objection</translation>
    </message>
    <message>
        <source>Close the publicity</source>
        <translation>Close the publicity</translation>
    </message>
    <message>
        <source>“{name}” is now: {status}</source>
        <translation>“{name}” is now: {status}</translation>
    </message>
    <message>
        <source>Choose a candidate first.</source>
        <translation>Choose a candidate first.</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Send your enrolment request</source>
        <translation>Send your enrolment request</translation>
    </message>
    <message>
        <source>Save the request and send it to the ministry. It holds only public keys: no secret leaves this computer.</source>
        <translation>Save the request and send it to the ministry. It holds only public keys: no secret leaves this computer.</translation>
    </message>
    <message>
        <source>Export the enrolment request…</source>
        <translation>Export the enrolment request…</translation>
    </message>
    <message>
        <source>{name}-enrolment-request</source>
        <translation>{name}-enrolment-request</translation>
    </message>
    <message>
        <source>Saved to {path}. Send it to the ministry.</source>
        <translation>Saved to {path}. Send it to the ministry.</translation>
    </message>
</context>
<context>
    <name>ResultFile</name>
    <message>
        <source>{name}-result-v{n}</source>
        <translation>{name}-result-v{n}</translation>
    </message>
    <message>
        <source>Checking everything as the ministry will, then signing…</source>
        <translation>Checking everything as the ministry will, then signing…</translation>
    </message>
    <message>
        <source>Saving the result file…</source>
        <translation>Saving the result file…</translation>
    </message>
    <message>
        <source>Result file, version {version}, produced {at}:
{path}
SHA-256: {digest}</source>
        <translation>Result file, version {version}, produced {at}:
{path}
SHA-256: {digest}</translation>
    </message>
    <message>
        <source>Result file saved: {path}
SHA-256: {digest}</source>
        <translation>Result file saved: {path}
SHA-256: {digest}</translation>
    </message>
    <message>
        <source>Produce the result file…</source>
        <translation>Produce the result file…</translation>
    </message>
    <message>
        <source>Result version</source>
        <translation>Result version</translation>
    </message>
    <message>
        <source>A corrected result for the same package is a new result version, produced from the same closed record; the box starts one above the last version produced.</source>
        <translation>A corrected result for the same package is a new result version, produced from the same closed record; the box starts one above the last version produced.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return a sheet for correction</source>
        <translation>Return a sheet for correction</translation>
    </message>
    <message>
        <source>Return the sheet of {expert} for correction.</source>
        <translation>Return the sheet of {expert} for correction.</translation>
    </message>
    <message>
        <source>Indicators to correct</source>
        <translation>Indicators to correct</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tick at least one indicator to correct.</source>
        <translation>Tick at least one indicator to correct.</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>Give the reason for the correction.</translation>
    </message>
</context>
<context>
    <name>ReturnsModel</name>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Software revenue (100 million yuan)</source>
        <translation>Software revenue (100 million yuan)</translation>
    </message>
    <message>
        <source>Revenue growth (%)</source>
        <translation>Revenue growth (%)</translation>
    </message>
    <message>
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <source>park</source>
        <translation>park</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Save the sheet</source>
        <translation>Save the sheet</translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet)</source>
        <translation>Score sheets (*.rvsheet)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>Registered result</source>
        <translation>Registered result</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Record and sheets</source>
        <translation>Record and sheets</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>&amp;Open the record</translation>
    </message>
    <message>
        <source>Open the signed record and the sheets from the result bundle kept on import</source>
        <translation>Open the signed record and the sheets from the result bundle kept on import</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Scoring</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Vetoes and eligibility</source>
        <translation>Vetoes and eligibility</translation>
    </message>
    <message>
        <source>{problem}

Some of your work could not be saved. Go back to the review?
Yes: back to the review, the unsaved work kept on screen. No: close anyway (the unsaved work is lost).</source>
        <translation>{problem}

Some of your work could not be saved. Go back to the review?
Yes: back to the review, the unsaved work kept on screen. No: close anyway (the unsaved work is lost).</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>You declared a conflict of interest and are recused: this review cannot be scored.</source>
        <translation>You declared a conflict of interest and are recused: this review cannot be scored.</translation>
    </message>
    <message>
        <source>This sheet is finalised and signed, so it is locked. Only a return notice from the chair reopens it.</source>
        <translation>This sheet is finalised and signed, so it is locked. Only a return notice from the chair reopens it.</translation>
    </message>
    <message>
        <source>Declare any conflict of interest and accept the confidentiality pledge before scoring.</source>
        <translation>Declare any conflict of interest and accept the confidentiality pledge before scoring.</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>Not saved ({reason})</source>
        <translation>Not saved ({reason})</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ScoreEditor</name>
    <message>
        <source>Attach a site-visit file</source>
        <translation>Attach a site-visit file</translation>
    </message>
    <message>
        <source>0 – {points}, step {step}</source>
        <translation>0 – {points}, step {step}</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>Comment (required)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>{problem}

The score you typed cannot be saved. Go back and correct it?
Yes: back to the indicator, the value kept as typed. No: discard the typed value (the saved score stays).</source>
        <translation>{problem}

The score you typed cannot be saved. Go back and correct it?
Yes: back to the indicator, the value kept as typed. No: discard the typed value (the saved score stays).</translation>
    </message>
    <message>
        <source>Score not saved</source>
        <translation>Score not saved</translation>
    </message>
    <message>
        <source>Your score</source>
        <translation>Your score</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Type, then Enter</source>
        <translation>Type, then Enter</translation>
    </message>
    <message>
        <source>The points for the selected indicator, within its range and step; Enter saves them</source>
        <translation>The points for the selected indicator, within its range and step; Enter saves them</translation>
    </message>
</context>
<context>
    <name>ScoringModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Your score</source>
        <translation>Your score</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{scored} / {total}</source>
        <translation>{scored} / {total}</translation>
    </message>
    <message>
        <source>Figure to check</source>
        <translation>Figure to check</translation>
    </message>
    <message>
        <source>Figure confirmed</source>
        <translation>Figure confirmed</translation>
    </message>
    <message>
        <source>Figure flagged</source>
        <translation>Figure flagged</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>Comment needed</source>
        <translation>Comment needed</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Scored</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>The chair&apos;s return notice did not name this indicator; it stays as signed.</source>
        <translation>The chair&apos;s return notice did not name this indicator; it stays as signed.</translation>
    </message>
    <message>
        <source>Scored {scored} / {total}   ·   total {points} / {max}</source>
        <translation>Scored {scored} / {total}   ·   total {points} / {max}</translation>
    </message>
    <message>
        <source>figures checked {done} / {total}</source>
        <translation>figures checked {done} / {total}</translation>
    </message>
    <message>
        <source>Indicators to score</source>
        <translation>Indicators to score</translation>
    </message>
    <message>
        <source>Private scratchpad — stays on this laptop, never in the sheet</source>
        <translation>Private scratchpad — stays on this laptop, never in the sheet</translation>
    </message>
    <message>
        <source>Your own notes for the interviews and the visit. Nobody else ever sees them.</source>
        <translation>Your own notes for the interviews and the visit. Nobody else ever sees them.</translation>
    </message>
</context>
<context>
    <name>SealPage</name>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Candidate and panel</source>
        <translation>Candidate and panel</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Seal package…</source>
        <translation>Seal package…</translation>
    </message>
    <message>
        <source>{name}: {n} experts (compose them on the Panel page)</source>
        <translation>{name}: {n} experts (compose them on the Panel page)</translation>
    </message>
    <message>
        <source>no candidate yet</source>
        <translation>no candidate yet</translation>
    </message>
    <message>
        <source>{n} warnings about earlier panels</source>
        <translation>{n} warnings about earlier panels</translation>
    </message>
    <message>
        <source>Cannot be sealed: {why}</source>
        <translation>Cannot be sealed: {why}</translation>
    </message>
    <message>
        <source>Warning: {why}</source>
        <translation>Warning: {why}</translation>
    </message>
    <message>
        <source>The panel breaks a panel rule; see the reason above.</source>
        <translation>The panel breaks a panel rule; see the reason above.</translation>
    </message>
    <message>
        <source>Choose the standard</source>
        <translation>Choose the standard</translation>
    </message>
    <message>
        <source>Standards (*.json);;All files (*)</source>
        <translation>Standards (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Add materials</source>
        <translation>Add materials</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Add a folder of materials</source>
        <translation>Add a folder of materials</translation>
    </message>
    <message>
        <source>Choose the standard first.</source>
        <translation>Choose the standard first.</translation>
    </message>
    <message>
        <source>Give the candidate&apos;s name on the Panel page.</source>
        <translation>Give the candidate&apos;s name on the Panel page.</translation>
    </message>
    <message>
        <source>Seal despite the panel rules&apos; warnings</source>
        <translation>Seal despite the panel rules&apos; warnings</translation>
    </message>
    <message>
        <source>The panel breaks rules that warn:
{rules}

The warnings are recorded with the sealing in the authority&apos;s ledger.</source>
        <translation>The panel breaks rules that warn:
{rules}

The warnings are recorded with the sealing in the authority&apos;s ledger.</translation>
    </message>
    <message>
        <source>Seal anyway</source>
        <translation>Seal anyway</translation>
    </message>
    <message>
        <source>Save the sealed package</source>
        <translation>Save the sealed package</translation>
    </message>
    <message>
        <source>Review packages (*.rvpkg)</source>
        <translation>Review packages (*.rvpkg)</translation>
    </message>
    <message>
        <source>Sealed {path}: package {id}, {n} files, valid until {exp}.</source>
        <translation>Sealed {path}: package {id}, {n} files, valid until {exp}.</translation>
    </message>
    <message>
        <source>{n} panel rule warning(s) recorded in the authority&apos;s ledger.</source>
        <translation>{n} panel rule warning(s) recorded in the authority&apos;s ledger.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Sealing failed; see the log.</source>
        <translation>Sealing failed; see the log.</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>Preview of the sheet</source>
        <translation>Preview of the sheet</translation>
    </message>
    <message>
        <source>This is what you will sign ({pages} page(s)), as the printable PDF shows it. Arrow keys and Page Up/Down scroll; Esc closes.</source>
        <translation>This is what you will sign ({pages} page(s)), as the printable PDF shows it. Arrow keys and Page Up/Down scroll; Esc closes.</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Sign…</translation>
    </message>
</context>
<context>
    <name>SheetsList</name>
    <message>
        <source>Recusal</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>&amp;Sheets in the result</source>
        <translation>&amp;Sheets in the result</translation>
    </message>
    <message>
        <source>Sheets in the result</source>
        <translation>Sheets in the result</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Save the sheet…</source>
        <translation>Save the sheet…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Everywhere</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>Scoring page</source>
        <translation>Scoring page</translation>
    </message>
    <message>
        <source>Review (outside a text box)</source>
        <translation>Review (outside a text box)</translation>
    </message>
    <message>
        <source>Score box</source>
        <translation>Score box</translation>
    </message>
    <message>
        <source>Multi-line text box</source>
        <translation>Multi-line text box</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>Dialogs</translation>
    </message>
    <message>
        <source>Open a standard</source>
        <translation>Open a standard</translation>
    </message>
    <message>
        <source>Open a review package</source>
        <translation>Open a review package</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Open the user guide</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>Show the keyboard shortcuts</translation>
    </message>
    <message>
        <source>Next indicator</source>
        <translation>Next indicator</translation>
    </message>
    <message>
        <source>Previous indicator</source>
        <translation>Previous indicator</translation>
    </message>
    <message>
        <source>Next unscored indicator</source>
        <translation>Next unscored indicator</translation>
    </message>
    <message>
        <source>Next indicator whose score needs a comment</source>
        <translation>Next indicator whose score needs a comment</translation>
    </message>
    <message>
        <source>Save the score and go to the next unscored indicator</source>
        <translation>Save the score and go to the next unscored indicator</translation>
    </message>
    <message>
        <source>Undo the review&apos;s last change</source>
        <translation>Undo the review&apos;s last change</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Next field (also out of a text box)</source>
        <translation>Next field (also out of a text box)</translation>
    </message>
    <message>
        <source>Previous field</source>
        <translation>Previous field</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>Next tab (not inside a text box)</source>
        <translation>Next tab (not inside a text box)</translation>
    </message>
    <message>
        <source>Next page of the material</source>
        <translation>Next page of the material</translation>
    </message>
    <message>
        <source>Previous page of the material</source>
        <translation>Previous page of the material</translation>
    </message>
    <message>
        <source>Close the dialog or the preview</source>
        <translation>Close the dialog or the preview</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
</context>
<context>
    <name>SignedRecordViewer</name>
    <message>
        <source>The signed review record</source>
        <translation>The signed review record</translation>
    </message>
</context>
<context>
    <name>SignerTable</name>
    <message>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source>Signed by {name}: valid, trusted</source>
        <translation>Signed by {name}: valid, trusted</translation>
    </message>
    <message>
        <source>Signed by {name}: NOT valid ({problem})</source>
        <translation>Signed by {name}: NOT valid ({problem})</translation>
    </message>
    <message>
        <source>changed or untrusted</source>
        <translation>changed or untrusted</translation>
    </message>
    <message>
        <source>Signatures on the record</source>
        <translation>Signatures on the record</translation>
    </message>
    <message>
        <source>Signature field</source>
        <translation>Signature field</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
</context>
<context>
    <name>SiteVisitPanel</name>
    <message>
        <source>Write the note first.</source>
        <translation>Write the note first.</translation>
    </message>
    <message>
        <source>Note saved at {time}.</source>
        <translation>Note saved at {time}.</translation>
    </message>
    <message>
        <source>{name} · {n} indicators · {m} notes</source>
        <translation>{name} · {n} indicators · {m} notes</translation>
    </message>
    <message>
        <source>Done at {time}</source>
        <translation>Done at {time}</translation>
    </message>
    <message>
        <source>Open a package to plan the site visit.</source>
        <translation>Open a package to plan the site visit.</translation>
    </message>
    <message>
        <source>{name} — done at {time}</source>
        <translation>{name} — done at {time}</translation>
    </message>
    <message>
        <source>Click to open this indicator; tick to link it to the next note.</source>
        <translation>Click to open this indicator; tick to link it to the next note.</translation>
    </message>
    <message>
        <source>Activities (tick when done)</source>
        <translation>Activities (tick when done)</translation>
    </message>
    <message>
        <source>Indicators that rely on it</source>
        <translation>Indicators that rely on it</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Notes taken</source>
        <translation>Notes taken</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Note and linked indicators</source>
        <translation>Note and linked indicators</translation>
    </message>
    <message>
        <source>What you saw or heard; tick the indicators it concerns.</source>
        <translation>What you saw or heard; tick the indicators it concerns.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>Site visit</translation>
    </message>
</context>
<context>
    <name>StandardHeader</name>
    <message>
        <source>SAMPLE</source>
        <translation>SAMPLE</translation>
    </message>
    <message>
        <source>A sample standard for trying the app, not the official indicator system</source>
        <translation>A sample standard for trying the app, not the official indicator system</translation>
    </message>
    <message>
        <source>No standard open</source>
        <translation>No standard open</translation>
    </message>
    <message>
        <source>{id} · version {version} · {kind} · {candidate}</source>
        <translation>{id} · version {version} · {kind} · {candidate}</translation>
    </message>
    <message>
        <source>{top} indicators · {leaves} scored items · {total} points in all</source>
        <translation>{top} indicators · {leaves} scored items · {total} points in all</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Checking {name}…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <source>This package was not opened</source>
        <translation>This package was not opened</translation>
    </message>
    <message>
        <source>Verifying the package…</source>
        <translation>Verifying the package…</translation>
    </message>
    <message>
        <source>Open another package…</source>
        <translation>Open another package…</translation>
    </message>
</context>
<context>
    <name>ThirdPartyDialog</name>
    <message>
        <source>Third-party report</source>
        <translation>Third-party report</translation>
    </message>
    <message>
        <source>The report of a third-party institution on “{name}”&apos;s application. The file is not copied: the registry keeps its name and SHA-256.</source>
        <translation>The report of a third-party institution on “{name}”&apos;s application. The file is not copied: the registry keeps its name and SHA-256.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution:</translation>
    </message>
    <message>
        <source>&amp;Report file:</source>
        <translation>&amp;Report file:</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose the report</source>
        <translation>Choose the report</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>TrendModel</name>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>National (latest)</source>
        <translation>National (latest)</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>UndoRedo</name>
    <message>
        <source>Nothing to undo. The confirmed declarations and signed versions stay as they are.</source>
        <translation>Nothing to undo. The confirmed declarations and signed versions stay as they are.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <source>Undo the review&apos;s last change (Ctrl+Z when not typing in a box)</source>
        <translation>Undo the review&apos;s last change (Ctrl+Z when not typing in a box)</translation>
    </message>
    <message>
        <source>Redo the review&apos;s change undone last (Ctrl+Shift+Z when not typing in a box)</source>
        <translation>Redo the review&apos;s change undone last (Ctrl+Shift+Z when not typing in a box)</translation>
    </message>
</context>
<context>
    <name>UnsignedBox</name>
    <message>
        <source>Refused to sign (reasons given in writing)</source>
        <translation>Refused to sign (reasons given in writing)</translation>
    </message>
    <message>
        <source>Not signed (deemed to agree)</source>
        <translation>Not signed (deemed to agree)</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source> — reasons: {reason}</source>
        <translation> — reasons: {reason}</translation>
    </message>
    <message>
        <source> — recorded {time}</source>
        <translation> — recorded {time}</translation>
    </message>
    <message>
        <source>Members who have not signed</source>
        <translation>Members who have not signed</translation>
    </message>
    <message>
        <source>A member may refuse to sign with written reasons. A member who neither signs nor gives reasons is deemed to agree; the chair records it, and it is printed on the record.</source>
        <translation>A member may refuse to sign with written reasons. A member who neither signs nor gives reasons is deemed to agree; the chair records it, and it is printed on the record.</translation>
    </message>
    <message>
        <source>Record as not signed (deemed to agree)…</source>
        <translation>Record as not signed (deemed to agree)…</translation>
    </message>
    <message>
        <source>Withdraw the not-signed record</source>
        <translation>Withdraw the not-signed record</translation>
    </message>
    <message>
        <source>Import refusals…</source>
        <translation>Import refusals…</translation>
    </message>
    <message>
        <source>Refuse to sign the review record</source>
        <translation>Refuse to sign the review record</translation>
    </message>
    <message>
        <source>{who}, write why you refuse to sign the review record. Your reasons are signed with your key and kept with the record:</source>
        <translation>{who}, write why you refuse to sign the review record. Your reasons are signed with your key and kept with the record:</translation>
    </message>
    <message>
        <source>A refusal to sign must give its reasons in writing.</source>
        <translation>A refusal to sign must give its reasons in writing.</translation>
    </message>
    <message>
        <source>{who} refuses to sign the review record, for these reasons:

{reason}

Your refusal is signed with your key and kept by the chair. The record states that you refused to sign with written reasons, and the chair may close it without your signature. Should you sign the record after all before the chair closes it, your signature prevails.</source>
        <translation>{who} refuses to sign the review record, for these reasons:

{reason}

Your refusal is signed with your key and kept by the chair. The record states that you refused to sign with written reasons, and the chair may close it without your signature. Should you sign the record after all before the chair closes it, your signature prevails.</translation>
    </message>
    <message>
        <source>Refuse to sign</source>
        <translation>Refuse to sign</translation>
    </message>
    <message>
        <source>Record as not signed</source>
        <translation>Record as not signed</translation>
    </message>
    <message>
        <source>Record that {who} neither signed the review record nor gave written reasons for refusing?

Under the rules, a member who refuses to sign without giving written reasons is deemed to agree with the review&apos;s conclusion. This is printed on the record&apos;s signature page when you close it. You can withdraw it before closing.</source>
        <translation>Record that {who} neither signed the review record nor gave written reasons for refusing?

Under the rules, a member who refuses to sign without giving written reasons is deemed to agree with the review&apos;s conclusion. This is printed on the record&apos;s signature page when you close it. You can withdraw it before closing.</translation>
    </message>
    <message>
        <source>Refused to sign, with written reasons: {who}.</source>
        <translation>Refused to sign, with written reasons: {who}.</translation>
    </message>
    <message>
        <source>Did not sign and gave no reasons (deemed to agree): {who}.</source>
        <translation>Did not sign and gave no reasons (deemed to agree): {who}.</translation>
    </message>
    <message>
        <source>You sign the review record as the chair, last. Not every member has signed:

{facts}

Your closing signature states these facts and they are printed on the signature page. No field can be signed or changed afterwards and nothing can reopen the record.</source>
        <translation>You sign the review record as the chair, last. Not every member has signed:

{facts}

Your closing signature states these facts and they are printed on the signature page. No field can be signed or changed afterwards and nothing can reopen the record.</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Not entered yet: the record needs the visit&apos;s dates and place.</source>
        <translation>Not entered yet: the record needs the visit&apos;s dates and place.</translation>
    </message>
    <message>
        <source>Saved: {days} day(s), {place}.</source>
        <translation>Saved: {days} day(s), {place}.</translation>
    </message>
    <message>
        <source>The last day of the visit is before its first day.</source>
        <translation>The last day of the visit is before its first day.</translation>
    </message>
    <message>
        <source>A visit of more than {n} days: check the dates.</source>
        <translation>A visit of more than {n} days: check the dates.</translation>
    </message>
    <message>
        <source>Enter where the visit took place.</source>
        <translation>Enter where the visit took place.</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>e.g. the park&apos;s management committee, Nanjing, Jiangsu</source>
        <translation>e.g. the park&apos;s management committee, Nanjing, Jiangsu</translation>
    </message>
    <message>
        <source>Save the visit</source>
        <translation>Save the visit</translation>
    </message>
</context>
<context>
    <name>VoteChoice</name>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
</context>
<context>
    <name>VotesPage</name>
    <message>
        <source>Nothing has been put to the panel yet.</source>
        <translation>Nothing has been put to the panel yet.</translation>
    </message>
    <message>
        <source>Put to the panel at {at} (motion {digest}): {n} change(s) and the draft opinion.</source>
        <translation>Put to the panel at {at} (motion {digest}): {n} change(s) and the draft opinion.</translation>
    </message>
    <message>
        <source>Put to the panel at {at} (motion {digest}): {n} change(s).</source>
        <translation>Put to the panel at {at} (motion {digest}): {n} change(s).</translation>
    </message>
    <message>
        <source>Statements held: {n}</source>
        <translation>Statements held: {n}</translation>
    </message>
    <message>
        <source>No member&apos;s vote held yet.</source>
        <translation>No member&apos;s vote held yet.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>{who}&apos;s vote (signed here)</source>
        <translation>{who}&apos;s vote (signed here)</translation>
    </message>
    <message>
        <source>Proposed changes and the opinion</source>
        <translation>Proposed changes and the opinion</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Computed aggregate</source>
        <translation>Computed aggregate</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Panel vote</source>
        <translation>Panel vote</translation>
    </message>
    <message>
        <source>Put to the panel…</source>
        <translation>Put to the panel…</translation>
    </message>
    <message>
        <source>Save the motion file…</source>
        <translation>Save the motion file…</translation>
    </message>
    <message>
        <source>Import votes…</source>
        <translation>Import votes…</translation>
    </message>
    <message>
        <source>Member votes…</source>
        <translation>Member votes…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>Motion</translation>
    </message>
    <message>
        <source>Signed (Beijing time)</source>
        <translation>Signed (Beijing time)</translation>
    </message>
    <message>
        <source>Statements held</source>
        <translation>Statements held</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Statement files offered</source>
        <translation>Statement files offered</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Expert review of Software Famous Cities and Parks</source>
        <translation>Expert review of Software Famous Cities and Parks</translation>
    </message>
    <message>
        <source>Experts: open the review package (.rvpkg) the ministry sent you. To read a standard&apos;s indicators, open the standard file (.json). Files can also be dropped here.</source>
        <translation>Experts: open the review package (.rvpkg) the ministry sent you. To read a standard&apos;s indicators, open the standard file (.json). Files can also be dropped here.</translation>
    </message>
    <message>
        <source>Open review &amp;package…</source>
        <translation>Open review &amp;package…</translation>
    </message>
    <message>
        <source>Open &amp;standard…</source>
        <translation>Open &amp;standard…</translation>
    </message>
    <message>
        <source>&amp;Recent packages (click or Enter to open):</source>
        <translation>&amp;Recent packages (click or Enter to open):</translation>
    </message>
</context>
<context>
    <name>WorkspacePages</name>
    <message>
        <source>Steps of the review</source>
        <translation>Steps of the review</translation>
    </message>
</context>
<context>
    <name>YesNoItemsModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>_Choice</name>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Approve: {what}</source>
        <translation>Approve: {what}</translation>
    </message>
    <message>
        <source>Object: {what}</source>
        <translation>Object: {what}</translation>
    </message>
    <message>
        <source>Reason for the objection (required)</source>
        <translation>Reason for the objection (required)</translation>
    </message>
    <message>
        <source>Reason for the objection: {what}</source>
        <translation>Reason for the objection: {what}</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>&lt;h3&gt;Reviewer {version}&lt;/h3&gt;&lt;p&gt;Offline expert review of China Software Famous Cities and Parks.&lt;/p&gt;&lt;p&gt;Standards are loaded from files; the samples shipped with the app are examples, not the official indicator system.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reviewer {version}&lt;/h3&gt;&lt;p&gt;Offline expert review of China Software Famous Cities and Parks.&lt;/p&gt;&lt;p&gt;Standards are loaded from files; the samples shipped with the app are examples, not the official indicator system.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Reviewer</source>
        <translation>About Reviewer</translation>
    </message>
</context>
<context>
    <name>cosign</name>
    <message>
        <source>Choose the co-signing member&apos;s identity folder</source>
        <translation>Choose the co-signing member&apos;s identity folder</translation>
    </message>
    <message>
        <source>Co-sign the review record</source>
        <translation>Co-sign the review record</translation>
    </message>
    <message>
        <source>{who}, type your passphrase to sign the review record with your key:</source>
        <translation>{who}, type your passphrase to sign the review record with your key:</translation>
    </message>
    <message>
        <source>Save the result file</source>
        <translation>Save the result file</translation>
    </message>
    <message>
        <source>Result files (*.rvresult)</source>
        <translation>Result files (*.rvresult)</translation>
    </message>
    <message>
        <source>Save a copy of the review record</source>
        <translation>Save a copy of the review record</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Review record</source>
        <translation>Review record</translation>
    </message>
    <message>
        <source>Reopen the review record</source>
        <translation>Reopen the review record</translation>
    </message>
    <message>
        <source>Reopening discards the signatures of {names}. Why must the record be changed? The reason is logged with the reopening.</source>
        <translation>Reopening discards the signatures of {names}. Why must the record be changed? The reason is logged with the reopening.</translation>
    </message>
</context>
<context>
    <name>declarations</name>
    <message>
        <source>Declarations</source>
        <translation>Declarations</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect. Nothing was saved by this step. The details are in the log; please report them.</source>
        <translation>Something went wrong that the app did not expect. Nothing was saved by this step. The details are in the log; please report them.</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Open standard</source>
        <translation>Open standard</translation>
    </message>
    <message>
        <source>Standards (*.json);;All files (*)</source>
        <translation>Standards (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Open review package</source>
        <translation>Open review package</translation>
    </message>
    <message>
        <source>Review packages (*.rvpkg);;All files (*)</source>
        <translation>Review packages (*.rvpkg);;All files (*)</translation>
    </message>
    <message>
        <source>Save the return notice</source>
        <translation>Save the return notice</translation>
    </message>
    <message>
        <source>Return notices (*.rvreturn)</source>
        <translation>Return notices (*.rvreturn)</translation>
    </message>
    <message>
        <source>Import score sheets</source>
        <translation>Import score sheets</translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet);;All files (*)</source>
        <translation>Score sheets (*.rvsheet);;All files (*)</translation>
    </message>
    <message>
        <source>Import every score sheet in a folder</source>
        <translation>Import every score sheet in a folder</translation>
    </message>
    <message>
        <source>Import the members&apos; votes</source>
        <translation>Import the members&apos; votes</translation>
    </message>
    <message>
        <source>Member statements (*.rvstatement);;All files (*)</source>
        <translation>Member statements (*.rvstatement);;All files (*)</translation>
    </message>
    <message>
        <source>Save the motion file</source>
        <translation>Save the motion file</translation>
    </message>
    <message>
        <source>Motions (*.rvmotion)</source>
        <translation>Motions (*.rvmotion)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Document review</source>
        <translation>Document review</translation>
    </message>
    <message>
        <source>Site inspection</source>
        <translation>Site inspection</translation>
    </message>
    <message>
        <source>Key interview</source>
        <translation>Key interview</translation>
    </message>
    <message>
        <source>Themed forum</source>
        <translation>Themed forum</translation>
    </message>
    <message>
        <source>Presentation and questioning</source>
        <translation>Presentation and questioning</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Application review</source>
        <translation>Application review</translation>
    </message>
    <message>
        <source>Creation review</source>
        <translation>Creation review</translation>
    </message>
    <message>
        <source>Annual evaluation</source>
        <translation>Annual evaluation</translation>
    </message>
    <message>
        <source>Famous city</source>
        <translation>Famous city</translation>
    </message>
    <message>
        <source>Famous park</source>
        <translation>Famous park</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>One expert&apos;s “no” decides</source>
        <translation>One expert&apos;s “no” decides</translation>
    </message>
    <message>
        <source>A majority of “no” decides</source>
        <translation>A majority of “no” decides</translation>
    </message>
    <message>
        <source>Every expert&apos;s “no” is needed</source>
        <translation>Every expert&apos;s “no” is needed</translation>
    </message>
    <message>
        <source>As the standard&apos;s comment policy says</source>
        <translation>As the standard&apos;s comment policy says</translation>
    </message>
    <message>
        <source>Always required</source>
        <translation>Always required</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Not required</translation>
    </message>
    <message>
        <source>International algorithms (ECDSA P-256 / X25519 / AES-256-GCM)</source>
        <translation>International algorithms (ECDSA P-256 / X25519 / AES-256-GCM)</translation>
    </message>
    <message>
        <source>SM algorithms (SM2 / SM3 / SM4)</source>
        <translation>SM algorithms (SM2 / SM3 / SM4)</translation>
    </message>
    <message>
        <source>Algorithm suite: {suite}</source>
        <translation>Algorithm suite: {suite}</translation>
    </message>
</context>
<context>
    <name>memberVote</name>
    <message>
        <source>Choose the voting member&apos;s identity folder</source>
        <translation>Choose the voting member&apos;s identity folder</translation>
    </message>
    <message>
        <source>Sign your vote</source>
        <translation>Sign your vote</translation>
    </message>
    <message>
        <source>{who}, type your passphrase to sign your vote with your key:</source>
        <translation>{who}, type your passphrase to sign your vote with your key:</translation>
    </message>
</context>
<context>
    <name>ministry</name>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Representative of the purchaser or authority</source>
        <translation>Representative of the purchaser or authority</translation>
    </message>
    <message>
        <source>Member category</source>
        <translation>Member category</translation>
    </message>
    <message>
        <source>The panel rules count the experts among the members. This member is:</source>
        <translation>The panel rules count the experts among the members. This member is:</translation>
    </message>
    <message>
        <source>Unlock the authority</source>
        <translation>Unlock the authority</translation>
    </message>
    <message>
        <source>The key of {who} is not in this computer&apos;s keyring.
Type its passphrase:</source>
        <translation>The key of {who} is not in this computer&apos;s keyring.
Type its passphrase:</translation>
    </message>
</context>
<context>
    <name>ministry_models</name>
    <message>
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
</context>
<context>
    <name>motion_files</name>
    <message>
        <source>Open the chair&apos;s motion</source>
        <translation>Open the chair&apos;s motion</translation>
    </message>
    <message>
        <source>Motions (*.rvmotion)</source>
        <translation>Motions (*.rvmotion)</translation>
    </message>
    <message>
        <source>Save your signed statement</source>
        <translation>Save your signed statement</translation>
    </message>
    <message>
        <source>Statements (*.rvstatement)</source>
        <translation>Statements (*.rvstatement)</translation>
    </message>
    <message>
        <source>Import refusals to sign</source>
        <translation>Import refusals to sign</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Unlock your identity</source>
        <translation>Unlock your identity</translation>
    </message>
    <message>
        <source>The key of {who} is not in this computer&apos;s keyring.
Type its passphrase to open the package:</source>
        <translation>The key of {who} is not in this computer&apos;s keyring.
Type its passphrase to open the package:</translation>
    </message>
    <message>
        <source>Choose your identity folder</source>
        <translation>Choose your identity folder</translation>
    </message>
</context>
<context>
    <name>return_notice</name>
    <message>
        <source>The chair returned version {n} of your sheet for correction.

Reason: {reason}

Only these can be changed now: {codes}. Sign again to hand in version {m}.</source>
        <translation>The chair returned version {n} of your sheet for correction.

Reason: {reason}

Only these can be changed now: {codes}. Sign again to hand in version {m}.</translation>
    </message>
    <message>
        <source>Return notice accepted</source>
        <translation>Return notice accepted</translation>
    </message>
</context>
<context>
    <name>sheet_files</name>
    <message>
        <source>Save the signed sheet</source>
        <translation>Save the signed sheet</translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet)</source>
        <translation>Score sheets (*.rvsheet)</translation>
    </message>
    <message>
        <source>Export the sheet as PDF</source>
        <translation>Export the sheet as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Accept a return notice</source>
        <translation>Accept a return notice</translation>
    </message>
    <message>
        <source>Return notices (*.rvreturn);;All files (*)</source>
        <translation>Return notices (*.rvreturn);;All files (*)</translation>
    </message>
    <message>
        <source>Export the enrolment request</source>
        <translation>Export the enrolment request</translation>
    </message>
    <message>
        <source>Enrolment requests (*.json)</source>
        <translation>Enrolment requests (*.json)</translation>
    </message>
    <message>
        <source>Install the credential</source>
        <translation>Install the credential</translation>
    </message>
    <message>
        <source>Credentials (*.rvcred);;All files (*)</source>
        <translation>Credentials (*.rvcred);;All files (*)</translation>
    </message>
</context>
</TS>
