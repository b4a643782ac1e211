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
            <source>Recent standards</source>
            <translation>Recent standards</translation>
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
            <source>One expert's “no” decides</source>
            <translation>One expert's “no” decides</translation>
        </message>
        <message>
            <source>A majority of “no” decides</source>
            <translation>A majority of “no” decides</translation>
        </message>
        <message>
            <source>Every expert's “no” is needed</source>
            <translation>Every expert's “no” is needed</translation>
        </message>
        <message>
            <source>As the standard's comment policy says</source>
            <translation>As the standard's comment policy says</translation>
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
</TS>
