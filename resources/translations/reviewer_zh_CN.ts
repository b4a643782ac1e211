<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChairPanel</name>
    <message>
        <source>Consensus {value}: {why} ({by}, {at})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} recused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, version {n}: {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{material}, page {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence: {refs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation: {text} (entered by {by}, {at})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opinion and dissents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Yes/no items (vetoes and gates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (required for “no”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (required when flagged)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <source>Consensus score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the panel departs from the computed aggregate (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} {title}: {points} points, step {step}; computed aggregate {aggregate}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consensus score that departs from the computed aggregate needs a written rationale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据方式</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <source>Indicators ({n})</source>
        <translation>评分指标（{n}）</translation>
    </message>
    <message>
        <source>Yes/no items ({n})</source>
        <translation>是/否项（{n}）</translation>
    </message>
    <message>
        <source>Eligibility ({n})</source>
        <translation>资格条件（{n}）</translation>
    </message>
</context>
<context>
    <name>CriterionDetails</name>
    <message>
        <source>Select an indicator to see how it is scored.</source>
        <translation>选择一项指标，查看其评分方法。</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Scoring step</source>
        <translation>评分步长</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据方式</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>评分说明</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Score levels</source>
        <translation>评分档次</translation>
    </message>
    <message>
        <source>Sub-indicators</source>
        <translation>下级指标</translation>
    </message>
    <message>
        <source>Required at or above {high} or at or below {low} of the points</source>
        <translation>得分达到分值的 {high} 及以上或 {low} 及以下时必填</translation>
    </message>
    <message>
        <source>Required at or above {high} of the points</source>
        <translation>得分达到分值的 {high} 及以上时必填</translation>
    </message>
    <message>
        <source>Required at or below {low} of the points</source>
        <translation>得分在分值的 {low} 及以下时必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Panel answer</source>
        <translation>专家组结论</translation>
    </message>
    <message>
        <source>Checked as pass or fail before any scoring (formal review).</source>
        <translation>在评分之前按“符合/不符合”审查（形式审查）。</translation>
    </message>
</context>
<context>
    <name>DeclarationsPage</name>
    <message>
        <source>I pledge to keep confidential everything in this review package and everything I learn in this review: the applicant&apos;s materials, the site visit, the panel&apos;s discussions, my own scores and the conclusion. I will use them only for this review; I will not copy, pass on or publish any of it, nor discuss it with the applicant or anyone outside the panel; and I will delete the package and my notes from my devices when the review is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declared a conflict of interest and are recused: this review is not scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make your declarations first: the conflict of interest and the confidentiality pledge (page “Declarations”). Scoring opens once both are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet is signed and locked; only a return notice from the chair can reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared: a conflict of interest (recused). Sign the recusal sheet to hand it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared: a conflict of interest (recused). The recusal sheet is signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared: no conflict of interest; confidentiality pledge accepted. Scoring is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declaring a conflict of interest recuses you from this review: you will not score it, and you sign a recusal sheet instead. This cannot be undone once signed. Declare it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare a conflict of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have no conflict of interest with this applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have a conflict of interest and recuse myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the conflict is (it is recorded in the signed recusal sheet):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentiality pledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I accept the confidentiality pledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm declarations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the recusal sheet…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EligibilityModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>ExplanationDialog</name>
    <message>
        <source>Explanation of a divergent score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{expert} gave {score} for {code}. Enter the expert&apos;s written explanation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expert&apos;s explanation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinalisePage</name>
    <message>
        <source>Version {n} of your sheet is signed and locked. It is read-only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} thing(s) still missing before you can sign. Click one to go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is missing: sign your recusal sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is missing: you can sign version {n} of your sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recusal sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n}, signed and verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 digest: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalise and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print / export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept return notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed sheet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted (supersedes an older version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} file(s) offered, {ok} accepted, {bad} refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or drop .rvsheet files or folders here. Every sheet is verified before it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert</source>
        <translation type="unfinished">专家</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clear recent standards</source>
        <translation>清除最近打开的标准</translation>
    </message>
    <message>
        <source>No recent standards</source>
        <translation>没有最近打开的标准</translation>
    </message>
    <message>
        <source>Clear recent packages</source>
        <translation>清除最近的评审包</translation>
    </message>
    <message>
        <source>No recent packages</source>
        <translation>没有最近的评审包</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>名城名园评审</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open standard…</source>
        <translation>打开评审标准(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;package…</source>
        <translation>打开评审包(&amp;P)…</translation>
    </message>
    <message>
        <source>Recent standards</source>
        <translation>最近打开的标准</translation>
    </message>
    <message>
        <source>Recent packages</source>
        <translation>最近的评审包</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Reviewer</source>
        <translation>关于名城名园评审(&amp;A)</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Not shown</source>
        <translation>不在应用中显示</translation>
    </message>
    <message>
        <source>{name}
SHA-256 {sha}</source>
        <translation>{name}
SHA-256 {sha}</translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished">材料</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">大小</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>MaterialsViewer</name>
    <message>
        <source>Choose a material on the left.</source>
        <translation>请在左侧选择一份材料。</translation>
    </message>
    <message>
        <source>No package is open.</source>
        <translation>尚未打开评审包。</translation>
    </message>
    <message>
        <source>The package has no material named “{name}”.</source>
        <translation>评审包中没有名为“{name}”的材料。</translation>
    </message>
    <message>
        <source>“{name}” ({size}, SHA-256 {sha}) is not a PDF, so it is not shown in the app. It stays sealed in the package; it is listed here so you know it is there.</source>
        <translation>“{name}”（{size}，SHA-256 {sha}）不是 PDF 文件，因此不在应用中显示。它仍密封在评审包中；在此列出，以便您知道有这份材料。</translation>
    </message>
    <message>
        <source>p. {page}: …{before}【{match}】{after}…</source>
        <translation>第 {page} 页：…{before}【{match}】{after}…</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 处</translation>
    </message>
    <message>
        <source>Select an indicator in the scoring view first, then cite the page.</source>
        <translation>请先在评分视图中选择一个指标，再引用本页。</translation>
    </message>
    <message>
        <source>Page {page} of {name} cited as evidence for {code}.</source>
        <translation>已将 {name} 第 {page} 页作为指标 {code} 的证据。</translation>
    </message>
    <message>
        <source>The page could not be cited.</source>
        <translation>无法引用本页。</translation>
    </message>
    <message>
        <source>“{name}” could not be read as a PDF.</source>
        <translation>无法将“{name}”作为 PDF 读取。</translation>
    </message>
    <message>
        <source>The material could not be opened.</source>
        <translation>无法打开该材料。</translation>
    </message>
    <message>
        <source>Materials in the package</source>
        <translation>评审包中的材料</translation>
    </message>
    <message>
        <source>Search in this material</source>
        <translation>在本材料中搜索</translation>
    </message>
    <message>
        <source>Text to find, then Enter</source>
        <translation>输入要查找的文字，按回车</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished">材料</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Indicator</source>
        <translation type="unfinished">指标</translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished">分值</translation>
    </message>
    <message>
        <source>{name} (recused: the sheet does not count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value taken: the consensus score where the panel set one, else the aggregate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} (consensus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divergent: {score} is more than {pct}% away from the panel mean {mean}. The expert must re-check it and explain it in writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divergent: the spread {spread} is more than {share} of the {points} points ({limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consensus score {value} (computed {aggregate}). Rationale: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leniency (mean deviation from the panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean deviation from the panel&apos;s aggregate: {signed} (above 0: more lenient, below 0: stricter); mean absolute deviation {abs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trimmed mean (highest and lowest dropped from {n} experts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed aggregate: {method}, rounded half up to {places} decimal places</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Select a score to read the expert&apos;s comment and evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reconciliation yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the panel&apos;s sheets to reconcile them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {total} of {points}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheets counted: {n} (quorum {q})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vetoes: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gates: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed minimums: {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divergent scores: {n}, unexplained: {u}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consensus scores: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red cells are divergent scores (hover for the rule). Sort by Spread to find where discussion is needed. The last row shows each expert&apos;s leniency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion (recomputed after every decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a consensus score…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expert&apos;s explanation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the sheet for correction…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <source>Saved by {who} at {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dissent recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissent in the member&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the dissent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>Panel chair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished">评审类型</translation>
    </message>
    <message>
        <source>No identity or passphrase was given, so the package stays closed.</source>
        <translation>未提供身份或口令，评审包未打开。</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect; the details are in the log.</source>
        <translation>发生了意外错误，详情已写入日志。</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>评审包</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>评审标准</translation>
    </message>
</context>
<context>
    <name>PackageSummary</name>
    <message>
        <source>Candidate</source>
        <translation>候选对象</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评审类型</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>评审标准</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>签发机构</translation>
    </message>
    <message>
        <source>Root fingerprint (SHA-256)</source>
        <translation>根证书指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>Expert panel</source>
        <translation>专家组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>{name} ({org}), serving as {role}</source>
        <translation>{name}（{org}），担任{role}</translation>
    </message>
    <message>
        <source>version {v}</source>
        <translation>版本 {v}</translation>
    </message>
    <message>
        <source>issued {created}, expires {expires}</source>
        <translation>签发于 {created}，有效期至 {expires}</translation>
    </message>
    <message>
        <source>Valid: signed under the ministry root your identity trusts; not revoked; within its validity.</source>
        <translation>有效：由您的身份所信任的工业和信息化部根证书签发；未被吊销；在有效期内。</translation>
    </message>
    <message>
        <source>All {n} files ({size}) were decrypted and checked in memory; nothing was written to disk.</source>
        <translation>全部 {n} 个文件（{size}）已在内存中解密并核验，未写入磁盘。</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>a recipient, not on the panel</source>
        <translation>收件方，不在专家组名单中</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation>（您）</translation>
    </message>
    <message>
        <source>Certificate SHA-256: {fp}</source>
        <translation>证书 SHA-256：{fp}</translation>
    </message>
    <message>
        <source>Materials ({n})</source>
        <translation>材料（{n}）</translation>
    </message>
</context>
<context>
    <name>PageBar</name>
    <message>
        <source>of {n}</source>
        <translation>/ 共 {n} 页</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Cite this page</source>
        <translation>引用本页</translation>
    </message>
    <message>
        <source>Add this page as evidence for the selected indicator</source>
        <translation>将本页添加为所选指标的证据</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return a sheet for correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the sheet of {expert} for correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one indicator to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Scoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vetoes and eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declared a conflict of interest and are recused: this review cannot be scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sheet is finalised and signed, so it is locked. Only a return notice from the chair reopens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare any conflict of interest and accept the confidentiality pledge before scoring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreEditor</name>
    <message>
        <source>Attach a site-visit file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 – {points}, step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{material}, page {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached file {name} (SHA-256 {sha}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished">评语</translation>
    </message>
    <message>
        <source>Your score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished">得分</translation>
    </message>
    <message>
        <source>Type, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished">证据方式</translation>
    </message>
    <message>
        <source>Add page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>The chair&apos;s return notice did not name this indicator; it stays as signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored {scored} / {total}   ·   total {points} / {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private scratchpad — stays on this laptop, never in the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own notes for the interviews and the visit. Nobody else ever sees them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteVisitPanel</name>
    <message>
        <source>Write the note first.</source>
        <translation>请先填写记录内容。</translation>
    </message>
    <message>
        <source>Note saved at {time}.</source>
        <translation>记录已于 {time} 保存。</translation>
    </message>
    <message>
        <source>{name} · {n} indicators · {m} notes</source>
        <translation>{name} · {n} 项指标 · {m} 条记录</translation>
    </message>
    <message>
        <source>Done at {time}</source>
        <translation>完成于 {time}</translation>
    </message>
    <message>
        <source>Open a package to plan the site visit.</source>
        <translation>打开评审包后即可安排现场考察。</translation>
    </message>
    <message>
        <source>{name} — done at {time}</source>
        <translation>{name} — 完成于 {time}</translation>
    </message>
    <message>
        <source>Click to open this indicator; tick to link it to the next note.</source>
        <translation>单击打开该指标；勾选则将其关联到下一条记录。</translation>
    </message>
    <message>
        <source>Activities (tick when done)</source>
        <translation>考察活动（完成后勾选）</translation>
    </message>
    <message>
        <source>Indicators that rely on it</source>
        <translation>依赖该活动的指标</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note and linked indicators</source>
        <translation>记录及关联指标</translation>
    </message>
    <message>
        <source>What you saw or heard; tick the indicators it concerns.</source>
        <translation>记下所见所闻；勾选相关的指标。</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>现场考察</translation>
    </message>
</context>
<context>
    <name>StandardHeader</name>
    <message>
        <source>SAMPLE</source>
        <translation>样例</translation>
    </message>
    <message>
        <source>A sample standard for trying the app, not the official indicator system</source>
        <translation>用于试用本软件的样例标准，并非官方指标体系</translation>
    </message>
    <message>
        <source>No standard open</source>
        <translation>尚未打开评审标准</translation>
    </message>
    <message>
        <source>{id} · version {version} · {kind} · {candidate}</source>
        <translation>{id} · 版本 {version} · {kind} · {candidate}</translation>
    </message>
    <message>
        <source>{top} indicators · {leaves} scored items · {total} points in all</source>
        <translation>一级指标 {top} 项 · 末级评分项 {leaves} 项 · 满分 {total} 分</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Checking {name}…</source>
        <translation>正在核验 {name}…</translation>
    </message>
    <message>
        <source>This package was not opened</source>
        <translation>评审包未能打开</translation>
    </message>
    <message>
        <source>Verifying the package…</source>
        <translation>正在核验评审包…</translation>
    </message>
    <message>
        <source>Open another package…</source>
        <translation>打开其他评审包…</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Expert review of Software Famous Cities and Parks</source>
        <translation>中国软件名城名园专家评审</translation>
    </message>
    <message>
        <source>Open a standard to read its indicators, or drop a standard file (.json) here.</source>
        <translation>打开评审标准以查看其指标，或将标准文件（.json）拖放到此处。</translation>
    </message>
    <message>
        <source>Open standard…</source>
        <translation>打开评审标准…</translation>
    </message>
</context>
<context>
    <name>YesNoItemsModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据方式</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>&lt;h3&gt;Reviewer {version}&lt;/h3&gt;&lt;p&gt;Offline expert review of China Software Famous Cities and Parks.&lt;/p&gt;&lt;p&gt;Standards are loaded from files; the samples shipped with the app are examples, not the official indicator system.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;名城名园评审 {version}&lt;/h3&gt;&lt;p&gt;中国软件名城、名园离线专家评审工具。&lt;/p&gt;&lt;p&gt;评审标准从文件加载；随软件提供的样例仅作示例，并非官方指标体系。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Reviewer</source>
        <translation>关于名城名园评审</translation>
    </message>
</context>
<context>
    <name>declarations</name>
    <message>
        <source>Declarations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Reviewer</source>
        <translation>名城名园评审</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect. Nothing was saved by this step. The details are in the log; please report them.</source>
        <translation>发生了意外错误，此步操作未保存任何内容。详细信息已写入日志，请将其反馈给我们。</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Open standard</source>
        <translation>打开评审标准</translation>
    </message>
    <message>
        <source>Standards (*.json);;All files (*)</source>
        <translation>评审标准 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open review package</source>
        <translation>打开评审包</translation>
    </message>
    <message>
        <source>Review packages (*.rvpkg);;All files (*)</source>
        <translation>评审包 (*.rvpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the return notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return notices (*.rvreturn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import score sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every score sheet in a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>finalise</name>
    <message>
        <source>Finalise and sign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Document review</source>
        <translation>文档审查</translation>
    </message>
    <message>
        <source>Site inspection</source>
        <translation>实地考察</translation>
    </message>
    <message>
        <source>Key interview</source>
        <translation>重点约谈</translation>
    </message>
    <message>
        <source>Themed forum</source>
        <translation>专题座谈</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Application review</source>
        <translation>申请审查</translation>
    </message>
    <message>
        <source>Creation review</source>
        <translation>创建评审</translation>
    </message>
    <message>
        <source>Annual evaluation</source>
        <translation>年度评估</translation>
    </message>
    <message>
        <source>Famous city</source>
        <translation>名城</translation>
    </message>
    <message>
        <source>Famous park</source>
        <translation>名园</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>门槛</translation>
    </message>
    <message>
        <source>One expert&apos;s “no” decides</source>
        <translation>任一专家判“否”即为“否”</translation>
    </message>
    <message>
        <source>A majority of “no” decides</source>
        <translation>过半数专家判“否”即为“否”</translation>
    </message>
    <message>
        <source>Every expert&apos;s “no” is needed</source>
        <translation>全体专家均判“否”才为“否”</translation>
    </message>
    <message>
        <source>As the standard&apos;s comment policy says</source>
        <translation>按评审标准的评语规则</translation>
    </message>
    <message>
        <source>Always required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>无需填写</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Unlock your identity</source>
        <translation>解锁您的身份</translation>
    </message>
    <message>
        <source>The key of {who} is not in this computer&apos;s keyring.
Type its passphrase to open the package:</source>
        <translation>{who}的私钥口令不在本机的系统密钥环中。
请输入口令以打开评审包：</translation>
    </message>
    <message>
        <source>Choose your identity folder</source>
        <translation>选择您的身份文件夹</translation>
    </message>
</context>
<context>
    <name>return_notice</name>
    <message>
        <source>The chair returned version {n} of your sheet for correction.

Reason: {reason}

Only these can be changed now: {codes}. Sign again to hand in version {m}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return notice accepted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
