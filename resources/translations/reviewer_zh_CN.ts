<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>PackagePanel</name>
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
</TS>
