<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>Opening {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>Opened {name}</translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>No identity or passphrase was given, so the package stays closed.</source>
        <translation>No identity or passphrase was given, so the package stays closed.</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect; the details are in the log.</source>
        <translation>Something went wrong that the app did not expect; the details are in the log.</translation>
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
    <name>WelcomePanel</name>
    <message>
        <source>Expert review of Software Famous Cities and Parks</source>
        <translation>Expert review of Software Famous Cities and Parks</translation>
    </message>
    <message>
        <source>Open a standard to read its indicators, or drop a standard file (.json) here.</source>
        <translation>Open a standard to read its indicators, or drop a standard file (.json) here.</translation>
    </message>
    <message>
        <source>Open standard…</source>
        <translation>Open standard…</translation>
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
    <name>errors</name>
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
</TS>
