<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Reviewer</source>
        <translation>名城名园评审</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latest version held</source>
        <translation>已收到的最新版本</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Recused (conflict declared)</source>
        <translation>已回避（声明利益冲突）</translation>
    </message>
    <message>
        <source>Returned: awaiting version {n}</source>
        <translation>已退回：等待第 {n} 版</translation>
    </message>
    <message>
        <source>Pending: no sheet yet</source>
        <translation>待提交：尚未收到评分表</translation>
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
        <source>version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>{who}: version {v} was returned for correction {when}; the corrected version {n} has not been imported yet.</source>
        <translation>{who}：第 {v} 版评分表已于 {when} 退回更正；更正后的第 {n} 版尚未导入。</translation>
    </message>
    <message>
        <source>{who}: no sheet has been imported yet.</source>
        <translation>{who}：尚未导入评分表。</translation>
    </message>
    <message>
        <source>{who} declared a conflict of interest; the recusal does not score.</source>
        <translation>{who} 已声明利益冲突并回避，回避表不计分。</translation>
    </message>
    <message>
        <source>{who}: version {v} counts.</source>
        <translation>{who}：第 {v} 版评分表计入。</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Reading the sheets held…</source>
        <translation>正在读取已收到的评分表…</translation>
    </message>
    <message>
        <source>{n} member(s): {s} submitted, {r} returned, {p} pending, {c} recused.</source>
        <translation>共 {n} 位成员：已提交 {s} 位，已退回 {r} 位，待提交 {p} 位，已回避 {c} 位。</translation>
    </message>
    <message>
        <source>Waiting for: {names}.</source>
        <translation>尚待：{names}。</translation>
    </message>
    <message>
        <source>Every member&apos;s sheet is in.</source>
        <translation>全体成员的评分表均已收到。</translation>
    </message>
    <message>
        <source>Panel status</source>
        <translation>组员状态</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>city</source>
        <translation>名城</translation>
    </message>
    <message>
        <source>park</source>
        <translation>名园</translation>
    </message>
    <message>
        <source> · progress report overdue ({n})</source>
        <translation> · 进展报告逾期（{n} 期）</translation>
    </message>
</context>
<context>
    <name>ChairDeciding</name>
    <message>
        <source>{name}-v{n}-returned</source>
        <translation>{name}-第{n}版-退回</translation>
    </message>
</context>
<context>
    <name>ChairPanel</name>
    <message>
        <source>The review record is being read, produced or signed: wait until it is done.</source>
        <translation>正在读取、生成或签署评审意见表，请待其完成。</translation>
    </message>
    <message>
        <source>Review record</source>
        <translation>评审意见表</translation>
    </message>
    <message>
        <source>Consensus {value}: {why} ({by}, {at})</source>
        <translation>共识分 {value}：{why}（{by}，{at}）</translation>
    </message>
    <message>
        <source>{name} recused: {reason}</source>
        <translation>{name} 已回避：{reason}</translation>
    </message>
    <message>
        <source>{name}, version {n}: {score}</source>
        <translation>{name}，第 {n} 版：{score}</translation>
    </message>
    <message>
        <source>Comment: {text}</source>
        <translation>评语：{text}</translation>
    </message>
    <message>
        <source>{material}, page {page}</source>
        <translation>{material}，第 {page} 页</translation>
    </message>
    <message>
        <source>Evidence: {refs}</source>
        <translation>依据：{refs}</translation>
    </message>
    <message>
        <source>Explanation: {text} (entered by {by}, {at})</source>
        <translation>偏离说明：{text}（{by} 录入，{at}）</translation>
    </message>
    <message>
        <source>Computed from the figure {figure} = {value}: {points}</source>
        <translation>按数据 {figure} = {value} 计算得分：{points}</translation>
    </message>
    <message>
        <source>Confirmed by {n}, flagged by {m}</source>
        <translation>确认 {n} 人，存疑 {m} 人</translation>
    </message>
    <message>
        <source>Figure confirmed</source>
        <translation>已确认数据</translation>
    </message>
    <message>
        <source>{name} flagged the figure: {why} (evidence: {refs})</source>
        <translation>{name}标记数据存疑：{why}（证据：{refs}）</translation>
    </message>
    <message>
        <source>Issue a return notice</source>
        <translation>发出退回更正通知</translation>
    </message>
    <message>
        <source>A return notice signed with your key is issued for {name}&apos;s sheet (version {n}): {codes} are reopened for correction.
Reason: {reason}

The notice cannot be withdrawn: {name} must sign version {next}, and the return is logged.</source>
        <translation>将以您的密钥签署并发出退回更正通知，退回 {name} 的评分表（第 {n} 版）：{codes} 重新开放更正。
原因：{reason}

通知发出后不能撤回：{name} 须签署第 {next} 版，退回将记入日志。</translation>
    </message>
    <message>
        <source>Issue the return notice</source>
        <translation>发出退回通知</translation>
    </message>
    <message>
        <source>Panel chair</source>
        <translation>专家组组长</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>评分矩阵</translation>
    </message>
    <message>
        <source>Opinion and dissents</source>
        <translation>专家组意见与保留意见</translation>
    </message>
    <message>
        <source>Panel vote</source>
        <translation>专家组表决</translation>
    </message>
    <message>
        <source>Review record and result file</source>
        <translation>评审意见表与结果文件</translation>
    </message>
</context>
<context>
    <name>ChairVoting</name>
    <message>
        <source>Adopted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Pending vote</source>
        <translation>待表决</translation>
    </message>
    <message>
        <source>Pending vote (not yet put to the panel)</source>
        <translation>待表决（尚未提交）</translation>
    </message>
    <message>
        <source>Approve {a} / voters {n}, {k} needed</source>
        <translation>同意 {a} / 应到 {n}，需 {k} 票</translation>
    </message>
    <message>
        <source>; objecting: {names}</source>
        <translation>；反对：{names}</translation>
    </message>
    <message>
        <source>Proposed {value} on the ground: {ground}. {tally}. Rationale: {why}</source>
        <translation>提议 {value}，变更依据：{ground}。{tally}。理由：{why}</translation>
    </message>
    <message>
        <source>Panel opinion (text)</source>
        <translation>专家组意见（文本）</translation>
    </message>
    <message>
        <source>A change is adopted when {rule} of the {n} voting members approve it ({k} needed; the chair approves by the motion). Until then the computed aggregate is the value taken.</source>
        <translation>变更须经 {n} 名参加表决成员中{rule} 同意方获通过（需 {k} 票；组长以提请表决表明同意）。通过前采用值仍为计算结果。</translation>
    </message>
    <message>
        <source>Approve {a}, object {o}</source>
        <translation>同意 {a} 项，反对 {o} 项</translation>
    </message>
    <message>
        <source>; opinion: {vote}</source>
        <translation>；专家组意见：{vote}</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>object</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>; with a dissent</source>
        <translation>；附保留意见</translation>
    </message>
    <message>
        <source>{code}: {aggregate} → {value} ({ground})</source>
        <translation>指标 {code}：{aggregate} → {value}（变更依据：{ground}）</translation>
    </message>
    <message>
        <source>The draft panel opinion (conclusion: {text})</source>
        <translation>专家组意见草稿（评审结论意见：{text}）</translation>
    </message>
    <message>
        <source>Put to the panel</source>
        <translation>提交专家组表决</translation>
    </message>
    <message>
        <source>A motion signed with your key puts to the panel:
{items}

Each member approves or objects in a signed statement; your motion counts as your approval. A change counts only once adopted. The motion is kept here and you can save it for members voting on their own laptops.</source>
        <translation>将以您的密钥签署表决提请，提交专家组表决：
{items}

每位成员以签名的表决意见表示同意或反对；您的提请即视为您同意。变更须经表决通过方计入。表决提请保存在本机，您可另存一份，供成员在各自电脑上表决。</translation>
    </message>
    <message>
        <source>motion-{id}</source>
        <translation>表决提请-{id}</translation>
    </message>
    <message>
        <source>Member votes</source>
        <translation>成员表决</translation>
    </message>
    <message>
        <source>{who} is not a voting member of this panel (the chair approves by the motion; a member who recused does not vote).</source>
        <translation>{who} 不是本专家组参加表决的成员（组长以提请表决表明同意；已回避的成员不参加表决）。</translation>
    </message>
    <message>
        <source>Strengths: {items}</source>
        <translation>主要成效与特色：{items}</translation>
    </message>
    <message>
        <source>Problems: {items}</source>
        <translation>存在的问题：{items}</translation>
    </message>
    <message>
        <source>Recommendations: {items}</source>
        <translation>意见和建议：{items}</translation>
    </message>
    <message>
        <source>Conclusion: {text}</source>
        <translation>评审结论意见：{text}</translation>
    </message>
</context>
<context>
    <name>ChangeVote</name>
    <message>
        <source>Indicator {code}: approve or object.</source>
        <translation>指标 {code}：请选择同意或反对。</translation>
    </message>
    <message>
        <source>Indicator {code}: give the reason for objecting.</source>
        <translation>指标 {code}：请写明反对理由。</translation>
    </message>
    <message>
        <source>Computed aggregate {aggregate} → proposed {value}</source>
        <translation>计算结果 {aggregate} → 拟改为 {value}</translation>
    </message>
    <message>
        <source>Ground: {ground}</source>
        <translation>变更依据：{ground}</translation>
    </message>
    <message>
        <source>Rationale: {text}</source>
        <translation>理由：{text}</translation>
    </message>
    <message>
        <source>Your vote:</source>
        <translation>您的表决：</translation>
    </message>
    <message>
        <source>Reason (required when objecting):</source>
        <translation>理由（反对时必填）：</translation>
    </message>
    <message>
        <source>Your vote on indicator {code}</source>
        <translation>您对指标 {code} 的表决</translation>
    </message>
    <message>
        <source>Reason for objecting to {code}</source>
        <translation>反对指标 {code} 变更的理由</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Vetoes and eligibility</source>
        <translation>否决项与资格条件</translation>
    </message>
    <message>
        <source>Comment on {code}</source>
        <translation>{code} 的说明</translation>
    </message>
    <message>
        <source>Yes/no items (vetoes and gates)</source>
        <translation>是/否项（否决项与门槛项）</translation>
    </message>
    <message>
        <source>Eligibility checklist</source>
        <translation>资格条件核查</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Comment (required for “no”)</source>
        <translation>说明（选“否”时必填）</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未核查</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>有疑问</translation>
    </message>
    <message>
        <source>Comment (required when flagged)</source>
        <translation>说明（标记有疑问时必填）</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>To open review packages and sign score sheets you need an identity certified by the ministry. Create one now, or use one you already have.</source>
        <translation>打开评审包和签署评分表需要经工业和信息化部认证的身份。请现在创建，或使用已有的身份。</translation>
    </message>
    <message>
        <source>Create a new identity</source>
        <translation>创建新身份</translation>
    </message>
    <message>
        <source>Use an existing identity folder</source>
        <translation>使用已有的身份文件夹</translation>
    </message>
</context>
<context>
    <name>CohortModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>客观指标得分</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家评审得分</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CohortPage</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Famous cities</source>
        <translation>名城</translation>
    </message>
    <message>
        <source>Famous parks</source>
        <translation>名园</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通告</translation>
    </message>
    <message>
        <source>Publicity list</source>
        <translation>公示名单</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Document to export</source>
        <translation>导出的文件</translation>
    </message>
    <message>
        <source>The notice is written from a published evaluation only; a draft&apos;s publicity list is marked draft.</source>
        <translation>通告只能依据已发布的评估结果导出；草稿的公示名单标注“草稿”。</translation>
    </message>
    <message>
        <source>Ranked title holders</source>
        <translation>排名列表</translation>
    </message>
    <message>
        <source>No evaluation of this year yet: press Evaluate.</source>
        <translation>本年度尚未评估：请点击“评估”。</translation>
    </message>
    <message>
        <source>Version {v}, published {at}: the stars are the year&apos;s ratings.</source>
        <translation>第 {v} 版，已于 {at} 发布：其星级即为本年度星级。</translation>
    </message>
    <message>
        <source>Draft version {v}, evaluated {at}: ★★★ {a}, ★★ {b}, ★ {c}.</source>
        <translation>第 {v} 版草稿，评估于 {at}：★★★ {a} 个，★★ {b} 个，★ {c} 个。</translation>
    </message>
    <message>
        <source>Publish the annual evaluation</source>
        <translation>发布年度评估结果</translation>
    </message>
    <message>
        <source>The stars of version {v} become the ratings of {year} in the registry: ★★★ {a}, ★★ {b}, ★ {c}. One star warns a title holder; a second one-star year in a row means exit.

A year is published once: this cannot be undone.</source>
        <translation>第 {v} 版的星级将作为 {year} 年度星级记入登记册：★★★ {a} 个，★★ {b} 个，★ {c} 个。一星将给予整改提醒；连续两年一星将退出。

每个年度只能发布一次，发布后不可撤销。</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <source>Consensus score</source>
        <translation>共识分</translation>
    </message>
    <message>
        <source>Choose the ground…</source>
        <translation>选择变更依据…</translation>
    </message>
    <message>
        <source>Why the panel departs from the computed aggregate (required)</source>
        <translation>专家组为何偏离计算结果（必填）</translation>
    </message>
    <message>
        <source>{code} {title}: {points} points, step {step}; computed aggregate {aggregate}.</source>
        <translation>{code} {title}：满分 {points} 分，步长 {step}；计算结果 {aggregate}。</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>变更依据</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The change is a proposal until the panel adopts it: put it to the panel on the Panel vote page.</source>
        <translation>变更在专家组表决通过前仅为提议：请在“专家组表决”页提交专家组表决。</translation>
    </message>
    <message>
        <source>Choose the ground of the change: after aggregation a score changes only on one of the grounds the panel rules name.</source>
        <translation>请选择变更依据：汇总后的分值只能依评审规则所列情形之一变更。</translation>
    </message>
    <message>
        <source>A consensus score that departs from the computed aggregate needs a written rationale.</source>
        <translation>偏离计算结果的共识分必须写明理由。</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create your identity</source>
        <translation>创建您的身份</translation>
    </message>
    <message>
        <source>Your name and organisation go into the certificate the ministry issues.</source>
        <translation>您的姓名和单位将写入工业和信息化部签发的证书。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remember the passphrase in this computer&apos;s keyring</source>
        <translation>在本机密钥环中记住口令</translation>
    </message>
    <message>
        <source>Choose as the notice of the Ministry of Industry and Information Technology says; if it differs from your credential&apos;s, the credential cannot be installed.</source>
        <translation>请按工业和信息化部通知选择；与您的凭证不一致时，凭证将无法安装。</translation>
    </message>
    <message>
        <source>Create identity</source>
        <translation>创建身份</translation>
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
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The passphrase again, to catch a typing mistake</source>
        <translation>再次输入口令，以免输错</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>密码算法</translation>
    </message>
    <message>
        <source>Folder for the new identity</source>
        <translation>新身份的文件夹</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审助手</translation>
    </message>
    <message>
        <source>The passphrases differ; type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Identity created in {folder}.</source>
        <translation>身份已创建于 {folder}。</translation>
    </message>
</context>
<context>
    <name>CredentialPage</name>
    <message>
        <source>Install your credential</source>
        <translation>安装您的证书</translation>
    </message>
    <message>
        <source>When the ministry returns your credential (.rvcred), install it here. You can also finish now and install it later.</source>
        <translation>收到工业和信息化部返回的证书（.rvcred）后，请在此安装。也可以现在完成，稍后再安装。</translation>
    </message>
    <message>
        <source>Install the credential…</source>
        <translation>安装证书…</translation>
    </message>
    <message>
        <source>Installed: {name} · {org}.
{suite}

The ministry root you now trust has the fingerprint
{fp}

Compare it with the fingerprint the ministry gave you by phone or on paper. If they differ, do not use this identity and tell the ministry.</source>
        <translation>已安装：{name} · {org}。
{suite}

您现在信任的部级根证书指纹为
{fp}

请与工业和信息化部通过电话或书面告知的指纹核对。如不一致，请勿使用此身份，并告知工业和信息化部。</translation>
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
        <source>Items of the standard</source>
        <translation>评审标准的条目</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>评分指标</translation>
    </message>
    <message>
        <source>Yes/no items</source>
        <translation>是/否项</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>资格条件</translation>
    </message>
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
        <source>How the selected item is scored</source>
        <translation>所选条目的评分方法</translation>
    </message>
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
    <name>DataOutcomesModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>recorded (newer version)</source>
        <translation>已登记（新版本）</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>已登记过</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>{year}, version {v} → {file}</source>
        <translation>{year} 年度，第 {v} 版 → {file}</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Import data returns (.xlsx)…</source>
        <translation>导入数据报送表（.xlsx）…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Outcome of each file</source>
        <translation>各文件处理结果</translation>
    </message>
    <message>
        <source>Returns of the year (select one to see its trend)</source>
        <translation>本年度数据报送（选中一项查看其历年趋势）</translation>
    </message>
    <message>
        <source>Figures of “{name}” year by year</source>
        <translation>“{name}”历年数据</translation>
    </message>
    <message>
        <source>Select a return above to see the candidate&apos;s figures year by year.</source>
        <translation>在上方选中一项数据报送，查看该候选对象的历年数据。</translation>
    </message>
    <message>
        <source>Choose filled data return templates</source>
        <translation>选择已填写的数据报送表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Registry database</source>
        <translation>登记册数据库</translation>
    </message>
    <message>
        <source>A &amp;file on this computer (SQLite)</source>
        <translation>本机上的文件（SQLite）(&amp;F)</translation>
    </message>
    <message>
        <source>A database &amp;server (PostgreSQL)</source>
        <translation>数据库服务器（PostgreSQL）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>blank: the one kept in the keyring</source>
        <translation>留空：使用系统钥匙串中保存的密码</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, never in the app&apos;s settings.</source>
        <translation>密码保存在本机的系统钥匙串中，不会写入本软件的设置。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the registry database file</source>
        <translation>选择登记册数据库文件</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DeclarationsPage</name>
    <message>
        <source>I pledge to keep confidential everything in this review package and everything I learn in this review: the applicant&apos;s materials, the site visit, the panel&apos;s discussions, my own scores and the conclusion. I will use them only for this review; I will not copy, pass on or publish any of it, nor discuss it with the applicant or anyone outside the panel; and I will delete the package and my notes from my devices when the review is over.</source>
        <translation>本人承诺对本评审包的全部内容以及在本次评审中获悉的一切信息保密，包括申报单位的材料、实地考察情况、专家组讨论、本人的评分和评审结论。上述信息仅用于本次评审；本人不复制、不转交、不公开，不与申报单位或专家组以外的任何人讨论；评审结束后从本人设备中删除评审包和笔记。</translation>
    </message>
    <message>
        <source>No review is open.</source>
        <translation>尚未打开评审。</translation>
    </message>
    <message>
        <source>You declared a conflict of interest and are recused: this review is not scored.</source>
        <translation>您已声明利益冲突并回避：本次评审不评分。</translation>
    </message>
    <message>
        <source>Make your declarations first: the conflict of interest and the confidentiality pledge (page “Declarations”). Scoring opens once both are done.</source>
        <translation>请先完成声明：利益冲突声明和保密承诺（“声明”页）。两项完成后方可评分。</translation>
    </message>
    <message>
        <source>The sheet is signed and locked; only a return notice from the chair can reopen it.</source>
        <translation>评分表已签署并锁定；只有组长的退回更正通知才能重新打开。</translation>
    </message>
    <message>
        <source>Declared: a conflict of interest (recused). Sign the recusal sheet to hand it in.</source>
        <translation>已声明：存在利益冲突（回避）。请签署回避表后提交。</translation>
    </message>
    <message>
        <source>Declared: a conflict of interest (recused). The recusal sheet is signed.</source>
        <translation>已声明：存在利益冲突（回避）。回避表已签署。</translation>
    </message>
    <message>
        <source>Declared: no conflict of interest; confidentiality pledge accepted. Scoring is open.</source>
        <translation>已声明：无利益冲突；已接受保密承诺。可以评分。</translation>
    </message>
    <message>
        <source>Declaring a conflict of interest recuses you from this review: you will not score it, and you sign a recusal sheet instead. This cannot be undone once signed. Declare it?</source>
        <translation>声明利益冲突即回避本次评审：您将不评分，而是签署回避表。签署后不可撤销。确定声明？</translation>
    </message>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>声明利益冲突</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>利益冲突</translation>
    </message>
    <message>
        <source>I have no conflict of interest with this applicant</source>
        <translation>本人与申报单位无利益冲突</translation>
    </message>
    <message>
        <source>I have a conflict of interest and recuse myself</source>
        <translation>本人存在利益冲突，申请回避</translation>
    </message>
    <message>
        <source>Say what the conflict is (it is recorded in the signed recusal sheet):</source>
        <translation>请说明利益冲突情况（将记入签署的回避表）：</translation>
    </message>
    <message>
        <source>Confidentiality pledge</source>
        <translation>保密承诺</translation>
    </message>
    <message>
        <source>I accept the confidentiality pledge</source>
        <translation>本人接受保密承诺</translation>
    </message>
    <message>
        <source>&amp;Confirm declarations</source>
        <translation>确认声明(&amp;C)</translation>
    </message>
    <message>
        <source>Sign the &amp;recusal sheet…</source>
        <translation>签署回避表(&amp;R)…</translation>
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
    <name>EvidenceBox</name>
    <message>
        <source>{material}, page {page}</source>
        <translation>{material}，第 {page} 页</translation>
    </message>
    <message>
        <source>Attached file {name} (SHA-256 {sha}…)</source>
        <translation>附件 {name}（SHA-256 {sha}…）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>&amp;Add page</source>
        <translation>添加页码(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>附加文件(&amp;T)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>p. </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>Evidence for this indicator</source>
        <translation>本指标的依据</translation>
    </message>
    <message>
        <source>Material to cite</source>
        <translation>引用的材料</translation>
    </message>
    <message>
        <source>Page to cite</source>
        <translation>引用的页码</translation>
    </message>
</context>
<context>
    <name>ExistingPage</name>
    <message>
        <source>Use an existing identity</source>
        <translation>使用已有身份</translation>
    </message>
    <message>
        <source>Choose the identity folder…</source>
        <translation>选择身份文件夹…</translation>
    </message>
    <message>
        <source>Choose your identity folder</source>
        <translation>选择您的身份文件夹</translation>
    </message>
    <message>
        <source>credential installed</source>
        <translation>证书已安装</translation>
    </message>
    <message>
        <source>no credential yet: install it from the first-run wizard when the ministry returns it</source>
        <translation>尚无证书：收到工业和信息化部返回的证书后，请在首次运行向导中安装</translation>
    </message>
    <message>
        <source>{name} · {org} ({state})</source>
        <translation>{name} · {org}（状态：{state}）</translation>
    </message>
</context>
<context>
    <name>ExpertsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>证书指纹</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>revoked {date}: {reason}</source>
        <translation>已于 {date} 吊销：{reason}</translation>
    </message>
</context>
<context>
    <name>ExpertsPage</name>
    <message>
        <source>Enrolled experts</source>
        <translation>已认证的专家</translation>
    </message>
    <message>
        <source>Enrol from request…</source>
        <translation>根据申请签发凭证…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{n} experts enrolled, {a} active, {r} revoked</source>
        <translation>已签发 {n} 位专家，有效 {a} 位，已吊销 {r} 位</translation>
    </message>
    <message>
        <source>Choose an enrolment request</source>
        <translation>选择凭证申请文件</translation>
    </message>
    <message>
        <source>Enrolment requests (*.json);;All files (*)</source>
        <translation>凭证申请 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the credential for {name}</source>
        <translation>保存{name}的凭证</translation>
    </message>
    <message>
        <source>Credentials (*.rvcred)</source>
        <translation>凭证 (*.rvcred)</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审助手</translation>
    </message>
    <message>
        <source>Revoke the credential of {name}</source>
        <translation>吊销{name}的凭证</translation>
    </message>
    <message>
        <source>Why is the credential of {name} ({org}) revoked? The reason is kept in the ledger.</source>
        <translation>为何吊销{name}（{org}）的凭证？原因将记入签发记录。</translation>
    </message>
    <message>
        <source>A revocation needs a reason.</source>
        <translation>吊销凭证必须说明原因。</translation>
    </message>
</context>
<context>
    <name>ExplanationDialog</name>
    <message>
        <source>Explanation of a divergent score</source>
        <translation>偏离评分说明</translation>
    </message>
    <message>
        <source>{expert} gave {score} for {code}. Enter the expert&apos;s written explanation.</source>
        <translation>{expert} 对 {code} 评 {score} 分。请录入该专家的书面说明。</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Enter the expert&apos;s explanation.</source>
        <translation>请录入专家的说明。</translation>
    </message>
</context>
<context>
    <name>FigureCheckBox</name>
    <message>
        <source>{points} of {max} (computed from the figure; not scored by hand)</source>
        <translation>{points} / {max}（按数据计算，不手工评分）</translation>
    </message>
    <message>
        <source>national {name}</source>
        <translation>全国{name}</translation>
    </message>
    <message>
        <source>Objective indicator: check the figure</source>
        <translation>客观指标：核实数据</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>&amp;Confirm the figure</source>
        <translation>确认数据(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Flag the figure</source>
        <translation>数据存疑(&amp;F)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Required when you flag the figure; Enter saves it</source>
        <translation>标记数据存疑时必填；按 Enter 保存</translation>
    </message>
    <message>
        <source>A flag needs evidence: add it below.</source>
        <translation>标记存疑须附证据：请在下方添加。</translation>
    </message>
</context>
<context>
    <name>FinalisePage</name>
    <message>
        <source>Version {n} of your sheet is signed and locked. It is read-only now.</source>
        <translation>您的第 {n} 版评分表已签署并锁定，现为只读。</translation>
    </message>
    <message>
        <source>{n} thing(s) still missing before you can sign. Click one to go there.</source>
        <translation>签署前尚缺 {n} 项。点击可前往。</translation>
    </message>
    <message>
        <source>Nothing is missing: sign your recusal sheet.</source>
        <translation>无缺项：请签署回避表。</translation>
    </message>
    <message>
        <source>Nothing is missing: you can sign version {n} of your sheet.</source>
        <translation>无缺项：可以签署第 {n} 版评分表。</translation>
    </message>
    <message>
        <source>{name}-recusal-v{n}</source>
        <translation>{name}-回避声明-第{n}版</translation>
    </message>
    <message>
        <source>{name}-sheet-v{n}</source>
        <translation>{name}-评分表-第{n}版</translation>
    </message>
    <message>
        <source>Sign the recusal sheet</source>
        <translation>签署回避声明</translation>
    </message>
    <message>
        <source>Your recusal sheet will be signed with your key and saved to:
{path}

You will take no part in scoring this review. This cannot be undone.</source>
        <translation>您的回避声明将用您的密钥签署，并保存到：
{path}

您将不参加本次评审的打分。此操作不能撤销。</translation>
    </message>
    <message>
        <source>Sign the score sheet</source>
        <translation>签署评分表</translation>
    </message>
    <message>
        <source>Sign version {n}</source>
        <translation>签署第 {n} 版</translation>
    </message>
    <message>
        <source>Version {n} of your score sheet will be signed with your key and saved to:
{path}

It is then locked: no score, comment or evidence can change any more. Only a return notice from the chair reopens the indicators it names, as a new version.</source>
        <translation>第 {n} 版评分表将用您的密钥签署，并保存到：
{path}

签署后评分表即被锁定：任何评分、评语和证据都不能再修改。只有组长的退回通知才能重新打开其中列出的指标，形成新的版本。</translation>
    </message>
    <message>
        <source>Recusal sheet</source>
        <translation>回避表</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>{kind} written to {path}</source>
        <translation>{kind}已写入 {path}</translation>
    </message>
    <message>
        <source>Version {n}, signed and verified, {time}</source>
        <translation>第 {n} 版，已签署并验证，{time}</translation>
    </message>
    <message>
        <source>SHA-256 digest: {d}</source>
        <translation>SHA-256 摘要：{d}</translation>
    </message>
    <message>
        <source>PDF written to {path}</source>
        <translation>PDF 已写入 {path}</translation>
    </message>
    <message>
        <source>P&amp;review the sheet…</source>
        <translation>预览评分表(&amp;R)…</translation>
    </message>
    <message>
        <source>The whole sheet as you will sign it, as its PDF shows it</source>
        <translation>按打印 PDF 的样式查看即将签署的整张评分表</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>签署(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print / export PDF…</source>
        <translation>打印/导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Accept return &amp;notice…</source>
        <translation>接受退回更正通知(&amp;N)…</translation>
    </message>
    <message>
        <source>Finalise and sign</source>
        <translation>定稿并签署</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <source>Signed sheet</source>
        <translation>已签署的评分表</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up your identity</source>
        <translation>设置您的身份</translation>
    </message>
</context>
<context>
    <name>FlagsDialog</name>
    <message>
        <source>Priority flags</source>
        <translation>优先支持标记</translation>
    </message>
    <message>
        <source>Priority flags of “{name}” set by the ministry, each with its source.</source>
        <translation>由部里设置的“{name}”优先支持标记，每项均载明依据。</translation>
    </message>
    <message>
        <source>document number (文号) or URL</source>
        <translation>文号或网址</translation>
    </message>
    <message>
        <source>&amp;Flag:</source>
        <translation>标记(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>依据(&amp;S)：</translation>
    </message>
    <message>
        <source>Source &amp;date:</source>
        <translation>依据日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not set.</source>
        <translation>未设置。</translation>
    </message>
    <message>
        <source>Set the flag…</source>
        <translation>设置标记…</translation>
    </message>
    <message>
        <source>Set since {day}, source: {source} ({date}), recorded by {who}.</source>
        <translation>自 {day} 起已设置，依据：{source}（{date}），登记人：{who}。</translation>
    </message>
    <message>
        <source>Clear the flag…</source>
        <translation>撤销标记…</translation>
    </message>
</context>
<context>
    <name>GuideHelp</name>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>Links outside the user guides are not opened: the app works offline ({url}).</source>
        <translation>本程序离线运行，使用指南以外的链接不会打开（{url}）。</translation>
    </message>
    <message>
        <source>Expert guide</source>
        <translation>专家使用指南</translation>
    </message>
    <message>
        <source>Ministry desk guide</source>
        <translation>部级工作台使用指南</translation>
    </message>
    <message>
        <source>Expert quick reference</source>
        <translation>专家速查卡</translation>
    </message>
    <message>
        <source>Ministry desk quick reference</source>
        <translation>部级工作台速查卡</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>The guide could not be shown. The details are in the log.</source>
        <translation>无法显示指南，详细信息已写入日志。</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>{guide} (this role)</source>
        <translation>{guide}（本角色）</translation>
    </message>
    <message>
        <source>Panel chair&apos;s guide</source>
        <translation>专家组组长使用指南</translation>
    </message>
    <message>
        <source>Panel chair&apos;s quick reference</source>
        <translation>专家组组长速查卡</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>文档(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Open the user guide at this step</source>
        <translation>打开使用指南中本步骤的说明</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Result bundles to import</source>
        <translation>待导入的评审结果包</translation>
    </message>
    <message>
        <source>Outcome of each file</source>
        <translation>各文件的导入结果</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose result bundles</source>
        <translation>选择评审结果包</translation>
    </message>
    <message>
        <source>Result bundles (*.rvresult);;All files (*)</source>
        <translation>评审结果包 (*.rvresult);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a folder of result bundles</source>
        <translation>选择存放评审结果包的文件夹</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审助手</translation>
    </message>
    <message>
        <source>Add the result bundles to import first.</source>
        <translation>请先添加要导入的评审结果包。</translation>
    </message>
    <message>
        <source>{ok} imported, {dup} already there, {bad} refused</source>
        <translation>导入 {ok} 个，已存在 {dup} 个，拒收 {bad} 个</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Your own signed sheet (version {n}) is not counted: the review record is signed, and counting it would void those signatures. Reopen the record to count it.</source>
        <translation>您本人已签署的评分表（第 {n} 版）未计入：评审意见表已有签名，计入将使这些签名作废。如需计入，请重新打开评审意见表。</translation>
    </message>
    <message>
        <source>Recusal</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>SHA-256 of the signed header: {digest}</source>
        <translation>签署表头 SHA-256：{digest}</translation>
    </message>
    <message>
        <source>{n} sheet(s) held: {s} scoring, {r} recused.</source>
        <translation>已收存 {n} 份评分表：评分 {s} 份，回避 {r} 份。</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Accepted (supersedes an older version)</source>
        <translation>已接受（取代较早版本）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>{name} v{version} (recused)</source>
        <translation>{name} 第 {version} 版（回避）</translation>
    </message>
    <message>
        <source>{name} v{version}</source>
        <translation>{name} 第 {version} 版</translation>
    </message>
    <message>
        <source>{n} file(s) offered, {ok} accepted, {bad} refused.</source>
        <translation>共 {n} 个文件，接受 {ok} 个，拒绝 {bad} 个。</translation>
    </message>
    <message>
        <source>Outcome of each imported file</source>
        <translation>各导入文件的结果</translation>
    </message>
    <message>
        <source>Sheets held for the panel</source>
        <translation>专家组已收到的评分表</translation>
    </message>
    <message>
        <source>Import sheets…</source>
        <translation>导入评分表…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Or drop .rvsheet files or folders here. Every sheet is verified before it counts.</source>
        <translation>也可将 .rvsheet 文件或文件夹拖放到此处。每份评分表均经验证后方才计入。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
</context>
<context>
    <name>LifecycleActions</name>
    <message>
        <source>Paper check…</source>
        <translation>形式审查…</translation>
    </message>
    <message>
        <source>Third-party report…</source>
        <translation>第三方机构报告…</translation>
    </message>
    <message>
        <source>Open the publicity…</source>
        <translation>发布公示…</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>名城名园评审</translation>
    </message>
    <message>
        <source>Choose a candidate first.</source>
        <translation>请先选择候选对象。</translation>
    </message>
    <message>
        <source>“{name}” has no application waiting for its paper check.</source>
        <translation>“{name}”没有待形式审查的申请。</translation>
    </message>
    <message>
        <source>The application of “{name}” passes the paper check.</source>
        <translation>“{name}”的申请通过形式审查。</translation>
    </message>
    <message>
        <source>The application of “{name}” does not pass: it is not admitted ({note}).</source>
        <translation>“{name}”的申请未通过形式审查，不予创建（{note}）。</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>此操作不可撤销。</translation>
    </message>
    <message>
        <source>Paper check</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>A third-party report belongs to a park&apos;s application under review.</source>
        <translation>第三方机构报告只适用于正在申请评审的园区。</translation>
    </message>
    <message>
        <source>The report {file} of {institution} on “{name}” will be recorded. This cannot be undone.</source>
        <translation>将登记{institution}关于“{name}”的报告 {file}。此操作不可撤销。</translation>
    </message>
    <message>
        <source>Third-party report</source>
        <translation>第三方机构报告</translation>
    </message>
    <message>
        <source>Recorded the third-party report on “{name}” (SHA-256 {sha}…).</source>
        <translation>已登记“{name}”的第三方机构报告（SHA-256 {sha}…）。</translation>
    </message>
    <message>
        <source>“{name}” has no result under publicity.</source>
        <translation>“{name}”没有待公示的结果。</translation>
    </message>
    <message>
        <source>The publicity of “{name}” runs from {start} to {end}.</source>
        <translation>“{name}”的公示期为 {start} 至 {end}。</translation>
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
        <source>Accept return notice…</source>
        <translation>接受退回更正通知…</translation>
    </message>
    <message>
        <source>Open ministry desk…</source>
        <translation>打开部级工作台…</translation>
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
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>Open the package you reviewed first.</source>
        <translation>请先打开您评审的评审包。</translation>
    </message>
    <message>
        <source>Choose the authority folder</source>
        <translation>选择签发机构文件夹</translation>
    </message>
    <message>
        <source>Opening the ministry desk…</source>
        <translation>正在打开部级工作台…</translation>
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
SHA-256 摘要 {sha}</translation>
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
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Page of the material</source>
        <translation>材料页面</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>{name} (recused: the sheet does not count)</source>
        <translation>{name}（回避：该评分表不计入）</translation>
    </message>
    <message>
        <source>The value taken: the consensus score where the panel set one, else the aggregate</source>
        <translation>采用值：专家组设定了共识分的取共识分，否则取计算结果</translation>
    </message>
    <message>
        <source>recused</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>{value} (consensus, {status})</source>
        <translation>{value}（共识，{status}）</translation>
    </message>
    <message>
        <source>{value} (consensus)</source>
        <translation>{value}（共识）</translation>
    </message>
    <message>
        <source>{value} (proposed {proposed}, {status})</source>
        <translation>{value}（提议 {proposed}，{status}）</translation>
    </message>
    <message>
        <source>Divergent: {score} is more than {pct}% away from the panel mean {mean}.</source>
        <translation>偏离：{score} 与专家组平均分 {mean} 相差超过 {pct}%。</translation>
    </message>
    <message>
        <source>Explained (recorded): {text}</source>
        <translation>已说明（已录入）：{text}</translation>
    </message>
    <message>
        <source>Needed: the expert re-checks it and explains it in writing.</source>
        <translation>尚需：该专家复核并书面说明。</translation>
    </message>
    <message>
        <source>Divergent: the spread {spread} is more than {share} of the {points} points ({limit}).</source>
        <translation>偏离：极差 {spread} 超过满分 {points} 分的 {share}（{limit}）。</translation>
    </message>
    <message>
        <source>Settled: the panel set the consensus score {value}.</source>
        <translation>已处理：专家组已确定共识分 {value}。</translation>
    </message>
    <message>
        <source>Needed: the panel discusses it (a consensus score may settle it).</source>
        <translation>尚需：专家组讨论（可确定共识分）。</translation>
    </message>
    <message>
        <source>Consensus score {value} (computed {aggregate}). Rationale: {why}</source>
        <translation>共识分 {value}（计算结果 {aggregate}）。理由：{why}</translation>
    </message>
    <message>
        <source>Leniency</source>
        <translation>宽严度</translation>
    </message>
    <message>
        <source>Leniency: each expert&apos;s mean deviation from the panel&apos;s aggregate (above 0: more lenient, below 0: stricter).</source>
        <translation>宽严度：各专家评分与专家组计算结果的平均偏差（大于 0 偏宽，小于 0 偏严）。</translation>
    </message>
    <message>
        <source>Mean deviation from the panel&apos;s aggregate: {signed} (above 0: more lenient, below 0: stricter); mean absolute deviation {abs}.</source>
        <translation>与专家组计算结果的平均偏差：{signed}（大于 0 偏宽，小于 0 偏严）；平均绝对偏差 {abs}。</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>采用值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>极差</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>trimmed mean (highest and lowest dropped from {n} experts)</source>
        <translation>去掉一个最高分和一个最低分后的平均（{n} 位专家起适用）</translation>
    </message>
    <message>
        <source>Computed aggregate: {method}, rounded half up to {places} decimal places</source>
        <translation>计算结果：{method}，四舍五入保留 {places} 位小数</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Select a score to read the expert&apos;s comment and evidence.</source>
        <translation>选择一个评分，查看该专家的评语和依据。</translation>
    </message>
    <message>
        <source>No reconciliation yet</source>
        <translation>尚未汇总</translation>
    </message>
    <message>
        <source>Import the panel&apos;s sheets to reconcile them.</source>
        <translation>请导入专家组的评分表进行汇总。</translation>
    </message>
    <message>
        <source>No conclusion</source>
        <translation>不作结论</translation>
    </message>
    <message>
        <source>Result: {label}</source>
        <translation>结论：{label}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Total: {total} of {points}</source>
        <translation>总分：{total} / {points}</translation>
    </message>
    <message>
        <source>Sheets counted: {n} (quorum {q})</source>
        <translation>计入的评分表：{n} 份（法定人数 {q}）</translation>
    </message>
    <message>
        <source>Vetoes: {items}</source>
        <translation>否决项：{items}</translation>
    </message>
    <message>
        <source>Gates: {items}</source>
        <translation>门槛项：{items}</translation>
    </message>
    <message>
        <source>Failed minimums: {codes}</source>
        <translation>未达最低分的一级指标：{codes}</translation>
    </message>
    <message>
        <source>Divergent scores: {n}, unexplained: {u}</source>
        <translation>偏离评分：{n} 个，未说明：{u} 个</translation>
    </message>
    <message>
        <source>Consensus scores: {n}</source>
        <translation>共识分：{n} 个</translation>
    </message>
    <message>
        <source>Flagged figures: {items}</source>
        <translation>数据存疑：{items}</translation>
    </message>
    <message>
        <source>Red: a divergence still to be explained or settled; green: explained (hover a cell for the rule and what is needed). Sort by Spread to find where discussion is needed. The last row shows each expert&apos;s leniency.</source>
        <translation>红色：偏离尚待说明或处理；绿色：已说明（悬停单元格可查看规则及尚需事项）。按“极差”排序可找出需要讨论的指标。最后一行为各专家的宽严度。</translation>
    </message>
    <message>
        <source>Selected score</source>
        <translation>所选评分</translation>
    </message>
    <message>
        <source>Score matrix</source>
        <translation>评分矩阵</translation>
    </message>
    <message>
        <source>One row per indicator, one column per expert; red cells are divergent scores</source>
        <translation>每行一个指标，每列一位专家；红色单元格为偏离评分</translation>
    </message>
    <message>
        <source>Conclusion (recomputed after every decision)</source>
        <translation>结论（每项决定后重新计算）</translation>
    </message>
    <message>
        <source>Set a consensus score…</source>
        <translation>设定共识分…</translation>
    </message>
    <message>
        <source>Enter the expert&apos;s explanation…</source>
        <translation>录入专家的偏离说明…</translation>
    </message>
    <message>
        <source>Return the sheet for correction…</source>
        <translation>退回评分表更正…</translation>
    </message>
</context>
<context>
    <name>MemberVoteDialog</name>
    <message>
        <source>Vote on the chair&apos;s motion</source>
        <translation>对组长的表决提请进行表决</translation>
    </message>
    <message>
        <source>{who}: approve or object to each proposed change and to the draft opinion (an objection needs its reason). You may write your own dissent. Your vote is signed with your key and printed in the review record under your name.</source>
        <translation>{who}：请对每项变更提议和专家组意见草稿表示同意或反对（反对须说明理由），并可填写本人的保留意见。您的表决意见以您的密钥签署，并以您的名义载入评审意见表。</translation>
    </message>
    <message>
        <source>Computed aggregate {aggregate} → proposed {proposed}. Ground: {ground}.</source>
        <translation>计算结果 {aggregate} → 提议 {proposed}。变更依据：{ground}。</translation>
    </message>
    <message>
        <source>Rationale: {why}</source>
        <translation>理由：{why}</translation>
    </message>
    <message>
        <source>Draft panel opinion</source>
        <translation>专家组意见草稿</translation>
    </message>
    <message>
        <source>the draft panel opinion</source>
        <translation>专家组意见草稿</translation>
    </message>
    <message>
        <source>Your dissent in your own words, if any</source>
        <translation>如有保留意见，请以本人的话填写</translation>
    </message>
    <message>
        <source>Your dissent</source>
        <translation>本人的保留意见</translation>
    </message>
    <message>
        <source>Dissent (optional)</source>
        <translation>保留意见（可不填）</translation>
    </message>
    <message>
        <source>Sign my vote…</source>
        <translation>签署我的表决意见…</translation>
    </message>
    <message>
        <source>Approve or object to the change of {code}.</source>
        <translation>请对指标 {code} 的变更表示同意或反对。</translation>
    </message>
    <message>
        <source>Give the reason for objecting to the change of {code}.</source>
        <translation>请说明反对指标 {code} 变更的理由。</translation>
    </message>
    <message>
        <source>Approve or object to the draft panel opinion.</source>
        <translation>请对专家组意见草稿表示同意或反对。</translation>
    </message>
</context>
<context>
    <name>MinistryPanel</name>
    <message>
        <source>Ministry desk</source>
        <translation>部级工作台</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>专家组</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封装</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记册</translation>
    </message>
    <message>
        <source>Data returns</source>
        <translation>数据报送</translation>
    </message>
    <message>
        <source>Annual evaluation</source>
        <translation>年度评估</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>locked until needed</source>
        <translation>需要时再解锁</translation>
    </message>
    <message>
        <source>Ministry desk — {name} (root {fp}, {suite}, keys {state}) · registry: {db}</source>
        <translation>部级工作台 — {name}（根证书 {fp}，{suite}，密钥{state}）· 登记册：{db}</translation>
    </message>
</context>
<context>
    <name>MotionPage</name>
    <message>
        <source>Panel vote</source>
        <translation>专家组表决</translation>
    </message>
    <message>
        <source>You declared a conflict of interest and recused yourself: you do not vote.</source>
        <translation>您已声明利益冲突并回避，不参加表决。</translation>
    </message>
    <message>
        <source>Open the chair&apos;s motion first.</source>
        <translation>请先打开组长的表决提请。</translation>
    </message>
    <message>
        <source>The draft opinion: approve or object.</source>
        <translation>专家组意见草稿：请选择同意或反对。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Your statement on the motion the chair {chair} made on {time}:</source>
        <translation>您对组长 {chair} 于 {time} 提请表决事项的表决：</translation>
    </message>
    <message>
        <source> (reason: {reason})</source>
        <translation>（理由：{reason}）</translation>
    </message>
    <message>
        <source>• Draft opinion: {vote}</source>
        <translation>• 专家组意见草稿：{vote}</translation>
    </message>
    <message>
        <source>Your reservation: {text}</source>
        <translation>保留意见：{text}</translation>
    </message>
    <message>
        <source>No reservation.</source>
        <translation>无保留意见。</translation>
    </message>
    <message>
        <source>{name}-statement</source>
        <translation>{name}-声明</translation>
    </message>
    <message>
        <source>{preview}

This statement will be signed with your key and saved to:
{path}

Give the file to the chair. Once signed it cannot be changed; a new statement replaces it.</source>
        <translation>{preview}

本声明将以您的私钥签署并保存至：
{path}

请将该文件交给组长。签署后不能修改；如需更改，请重新签署一份声明替代。</translation>
    </message>
    <message>
        <source>Sign your statement</source>
        <translation>签署表决声明</translation>
    </message>
    <message>
        <source>Sign the statement</source>
        <translation>签署声明</translation>
    </message>
    <message>
        <source>You have signed {n} statement(s) on this package; the last on {time} (SHA-256 {digest}).</source>
        <translation>您已就本评审包签署 {n} 份表决声明；最近一份签署于 {time}（SHA-256 {digest}）。</translation>
    </message>
    <message>
        <source>Statement signed and verified, saved to {path} (SHA-256 {digest}). Give it to the chair.</source>
        <translation>表决声明已签署并核验，保存至 {path}（SHA-256 {digest}）。请交给组长。</translation>
    </message>
    <message>
        <source>Strengths:</source>
        <translation>主要成效：</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>存在问题：</translation>
    </message>
    <message>
        <source>Recommendations:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <source>Conclusion: {text}</source>
        <translation>结论：{text}</translation>
    </message>
    <message>
        <source>The chair puts the proposed changes of scores and the draft panel opinion to the panel as a motion (.rvmotion). Open it, approve or object to each item (an objection needs a reason), write your own reservation if you have one, then sign your statement and give the file to the chair.</source>
        <translation>组长将拟变更的分数和专家组意见草稿作为表决提请（.rvmotion）提交专家组表决。请打开表决提请，对每一项表示同意或反对（反对须写明理由），如有保留意见可一并填写，然后签署表决声明并将文件交给组长。</translation>
    </message>
    <message>
        <source>&amp;Open the chair&apos;s motion…</source>
        <translation>打开组长的表决提请(&amp;O)…</translation>
    </message>
    <message>
        <source>Preview and &amp;sign the statement…</source>
        <translation>预览并签署表决声明(&amp;S)…</translation>
    </message>
    <message>
        <source>Proposed changes</source>
        <translation>拟变更的分数</translation>
    </message>
    <message>
        <source>Draft panel opinion</source>
        <translation>专家组意见草稿</translation>
    </message>
    <message>
        <source>Your vote on the &amp;draft opinion:</source>
        <translation>您对专家组意见草稿的表决(&amp;D)：</translation>
    </message>
    <message>
        <source>Your vote on the draft opinion</source>
        <translation>您对专家组意见草稿的表决</translation>
    </message>
    <message>
        <source>Your reservation (optional)</source>
        <translation>保留意见（可选）</translation>
    </message>
    <message>
        <source>A reservation you write here is signed by you and printed in the record under your name.</source>
        <translation>此处填写的保留意见由您本人签署，并以您的名义载入评审意见表。</translation>
    </message>
    <message>
        <source>Your reservation</source>
        <translation>保留意见</translation>
    </message>
    <message>
        <source>Your signed statement</source>
        <translation>您已签署的表决声明</translation>
    </message>
    <message>
        <source>No motion opened yet.</source>
        <translation>尚未打开表决提请。</translation>
    </message>
    <message>
        <source>Motion made by the chair {chair} on {time}: {n} proposed change(s); verified.</source>
        <translation>组长 {chair} 于 {time} 提请表决：拟变更 {n} 项；已核验。</translation>
    </message>
</context>
<context>
    <name>OpenPublicityDialog</name>
    <message>
        <source>Open the publicity</source>
        <translation>发布公示</translation>
    </message>
    <message>
        <source>The publicity of “{name}”: both the first and the last day count.</source>
        <translation>“{name}”的公示：首日和末日均计入公示期。</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>期限(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>截止日期(&amp;E)</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>天（自然日）</translation>
    </message>
    <message>
        <source>&amp;Start (Beijing):</source>
        <translation>开始日期（北京时间）(&amp;S)：</translation>
    </message>
    <message>
        <source>Open the publicity…</source>
        <translation>发布公示…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The end date is before the start.</source>
        <translation>截止日期早于开始日期。</translation>
    </message>
    <message>
        <source>Publicity from {start} to {end} (Beijing time); it can be decided from {after}.</source>
        <translation>公示期 {start} 至 {end}（北京时间），{after} 起可作出决定。</translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <source>Saved by {who} at {at}.</source>
        <translation>由 {who} 于 {at} 保存。</translation>
    </message>
    <message>
        <source>• {name}, {at}, written and signed by the member: {text}</source>
        <translation>• {name}，{at}，本人撰写并签署：{text}</translation>
    </message>
    <message>
        <source>No dissent recorded.</source>
        <translation>无保留意见。</translation>
    </message>
    <message>
        <source>The text has not been put to the panel yet (Panel vote page).</source>
        <translation>该文本尚未提交专家组表决（见“专家组表决”页）。</translation>
    </message>
    <message>
        <source>Approved the text: {names}.</source>
        <translation>同意该文本：{names}。</translation>
    </message>
    <message>
        <source>Objected: {names}.</source>
        <translation>反对：{names}。</translation>
    </message>
    <message>
        <source>Panel opinion</source>
        <translation>专家组意见</translation>
    </message>
    <message>
        <source>Strengths (one a line)</source>
        <translation>主要成效与特色（每行一条）</translation>
    </message>
    <message>
        <source>Problems (one a line)</source>
        <translation>存在的问题（每行一条）</translation>
    </message>
    <message>
        <source>Recommendations (one a line)</source>
        <translation>意见和建议（每行一条）</translation>
    </message>
    <message>
        <source>Conclusion wording</source>
        <translation>评审结论意见</translation>
    </message>
    <message>
        <source>Save the opinion</source>
        <translation>保存专家组意见</translation>
    </message>
    <message>
        <source>Dissents</source>
        <translation>保留意见</translation>
    </message>
    <message>
        <source>A dissent is written and signed by the member, with their vote (Panel vote page: Member votes… or Import votes…); it is printed in the review record under their name.</source>
        <translation>保留意见由成员本人撰写并随表决意见签署（“专家组表决”页：成员表决… 或 导入表决意见…），以其本人名义载入评审意见表。</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>imported (newer version)</source>
        <translation>已导入（新版本）</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>package {pkg}, version {v} → {status}</source>
        <translation>评审包 {pkg}，第 {v} 版 → {status}</translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>Panel chair</source>
        <translation>专家组组长</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评审</translation>
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
        <source>Open package</source>
        <translation>已打开的评审包</translation>
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
        <source>Algorithm suite</source>
        <translation>算法套件</translation>
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
        <source>Package summary</source>
        <translation>评审包概况</translation>
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
        <source>Page</source>
        <translation>页码</translation>
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
        <source>&amp;Cite this page for {code}</source>
        <translation>为指标 {code} 引用本页(&amp;C)</translation>
    </message>
    <message>
        <source>Add this page as evidence for indicator {code}, selected in the scoring page</source>
        <translation>将本页添加为指标 {code}（评分页中所选指标）的佐证</translation>
    </message>
    <message>
        <source>Add this page as evidence for the selected indicator</source>
        <translation>将本页添加为所选指标的证据</translation>
    </message>
</context>
<context>
    <name>PanelChoiceModel</name>
    <message>
        <source>On panel</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>组长</translation>
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
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>revoked: {reason}</source>
        <translation>已吊销：{reason}</translation>
    </message>
</context>
<context>
    <name>PanelComposer</name>
    <message>
        <source>Experts to put on the panel</source>
        <translation>拟编入专家组的专家</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选对象</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Famous software park</source>
        <translation>软件名园</translation>
    </message>
    <message>
        <source>Famous software city</source>
        <translation>软件名城</translation>
    </message>
    <message>
        <source>Load candidate file…</source>
        <translation>读取候选对象文件…</translation>
    </message>
    <message>
        <source>Choose a candidate file</source>
        <translation>选择候选对象文件</translation>
    </message>
    <message>
        <source>Candidate files (*.json);;All files (*)</source>
        <translation>候选对象文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>[{rule}] {finding}</source>
        <translation>规则〔{rule}〕：{finding}</translation>
    </message>
    <message>
        <source>{n} experts chosen; chair: {chair}</source>
        <translation>已选 {n} 位专家；组长：{chair}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Cannot be sealed: {why}</source>
        <translation>不能封装：{why}</translation>
    </message>
    <message>
        <source>Warning: {why}</source>
        <translation>警告：{why}</translation>
    </message>
</context>
<context>
    <name>PaperCheckDialog</name>
    <message>
        <source>Paper check</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <source>The paper check of “{name}”&apos;s application. Tick what is met; passing needs every item.</source>
        <translation>对“{name}”申请的形式审查。请勾选已满足的条目；全部满足方可通过。</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>资格条件</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>收到的材料</translation>
    </message>
    <message>
        <source>&amp;Passed</source>
        <translation>通过(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Not passed: not admitted</source>
        <translation>不通过，不予创建(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;ote (why it did not pass):</source>
        <translation>说明（不通过的理由）(&amp;O)：</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{n} item(s) not met: it cannot pass.</source>
        <translation>尚有 {n} 项未满足，不能通过。</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <source>Record progress report…</source>
        <translation>登记进展报告…</translation>
    </message>
    <message>
        <source>Priority flags…</source>
        <translation>优先支持标记…</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>名城名园评审</translation>
    </message>
    <message>
        <source>Choose a candidate first.</source>
        <translation>请先选择候选对象。</translation>
    </message>
    <message>
        <source>“{name}” is not creating: it owes no progress reports.</source>
        <translation>“{name}”不在创建中，无需报送创建工作进展报告。</translation>
    </message>
    <message>
        <source>The report {file} of “{name}” due {due}, received {received}, will be recorded. This cannot be undone.</source>
        <translation>将登记“{name}”{due}期的进展报告 {file}（收到日期 {received}）。登记后不能撤销。</translation>
    </message>
    <message>
        <source>Record a progress report</source>
        <translation>登记创建工作进展报告</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Recorded the progress report of “{name}” due {due} (SHA-256 {sha}…).</source>
        <translation>已登记“{name}”{due}期的进展报告（SHA-256 {sha}…）。</translation>
    </message>
    <message>
        <source>No priority flag applies to “{name}”.</source>
        <translation>没有适用于“{name}”的优先支持标记。</translation>
    </message>
    <message>
        <source>“{name}” will carry the flag “{flag}” (source: {source}).</source>
        <translation>将为“{name}”设置标记“{flag}”（依据：{source}）。</translation>
    </message>
    <message>
        <source>The flag “{flag}” of “{name}” will be cleared (source: {source}).</source>
        <translation>将撤销“{name}”的标记“{flag}”（依据：{source}）。</translation>
    </message>
    <message>
        <source>The registry keeps this in the flag&apos;s history.</source>
        <translation>登记册将此操作记入标记记录。</translation>
    </message>
    <message>
        <source>Priority flags</source>
        <translation>优先支持标记</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>“{name}” now carries “{flag}”.</source>
        <translation>“{name}”已设置标记“{flag}”。</translation>
    </message>
    <message>
        <source>“{name}” no longer carries “{flag}”.</source>
        <translation>“{name}”的标记“{flag}”已撤销。</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <source>Close the publicity</source>
        <translation>结束公示</translation>
    </message>
    <message>
        <source>“{name}” is under publicity ({year}). How did the publicity end?</source>
        <translation>“{name}”正在公示（{year} 年）。公示结果如何？</translation>
    </message>
    <message>
        <source>&amp;No objection: award the title</source>
        <translation>公示期满无异议：授予称号(&amp;N)</translation>
    </message>
    <message>
        <source>An &amp;objection was upheld: the candidate stays creating</source>
        <translation>异议成立：仍为创建中(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reason for the objection (kept in the registry):</source>
        <translation>异议理由（记入登记册）(&amp;R)：</translation>
    </message>
    <message>
        <source>Close the publicity…</source>
        <translation>结束公示…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>The record is up to date; its signatures are kept.</source>
        <translation>评审意见表已是最新，已有签名保留。</translation>
    </message>
    <message>
        <source>Review record</source>
        <translation>评审意见表</translation>
    </message>
    <message>
        <source>The record on file carries {n} signature(s) but was made from other decisions. Reopen the record first: its signatures are then discarded, and the reopening is logged.</source>
        <translation>现有评审意见表已有 {n} 个签名，但依据的是先前的决定。请先重新打开评审意见表：已有签名随之作废，重新打开将记入日志。</translation>
    </message>
    <message>
        <source>Laying out the record…</source>
        <translation>正在排版评审意见表…</translation>
    </message>
    <message>
        <source>Saving the record…</source>
        <translation>正在保存评审意见表…</translation>
    </message>
    <message>
        <source>Unlocking the member&apos;s key…</source>
        <translation>正在解锁成员的私钥…</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>正在签署…</translation>
    </message>
    <message>
        <source>A copy of the record, with every signature it carries, was saved in the clear: {path}
Keep it where only the panel can read it.</source>
        <translation>评审意见表副本（含其全部签名）已以明文保存：{path}
请妥善保管，仅供专家组阅读。</translation>
    </message>
    <message>
        <source>Save a copy of the record…</source>
        <translation>另存评审意见表副本…</translation>
    </message>
    <message>
        <source>Sign and close the record</source>
        <translation>组长签署并封闭评审意见表</translation>
    </message>
    <message>
        <source>You sign the review record as the chair, last, after {names}. Your signature closes the record: no field can be signed or changed afterwards, nothing can reopen it, and the decisions it was made from are final. A corrected result is then only a new result version made from this record.</source>
        <translation>您将在 {names} 之后以组长身份最后签署评审意见表。组长签署即封闭评审意见表：此后任何签名栏都不能再签署或修改，评审意见表不能再重新打开，其依据的决定即为最终决定。如需更正结果，只能依据本评审意见表生成更高结果版本的结果文件。</translation>
    </message>
    <message>
        <source>Sign and close</source>
        <translation>签署并封闭</translation>
    </message>
    <message>
        <source>Signing as the chair…</source>
        <translation>正在以组长身份签署…</translation>
    </message>
    <message>
        <source>Give the reason for reopening the record: it is logged.</source>
        <translation>请填写重新打开评审意见表的原因，该原因将记入日志。</translation>
    </message>
    <message>
        <source>Reopen the record</source>
        <translation>重新打开评审意见表</translation>
    </message>
    <message>
        <source>Reopening discards the signatures of {names} ({n} in all): they no longer count, and every member must sign the record again once it is produced again.

The signed record is set aside, not deleted: {kept}
The reopening is logged with your name, the time, your reason and the SHA-256 of the record set aside ({digest}).

Reason: {reason}</source>
        <translation>重新打开将使 {names} 的签名作废（共 {n} 个）：这些签名不再有效，评审意见表重新生成后全体成员须重新签署。

已签署的评审意见表将另行保存，不会删除：{kept}
重新打开将连同您的姓名、时间、原因以及另存评审意见表的 SHA-256（{digest}）记入日志。

原因：{reason}</translation>
    </message>
    <message>
        <source>Setting the signed record aside…</source>
        <translation>正在另存已签署的评审意见表…</translation>
    </message>
    <message>
        <source>Saving a copy of the record…</source>
        <translation>正在保存评审意见表副本…</translation>
    </message>
    <message>
        <source>Checking the signatures against the ministry root…</source>
        <translation>正在依据部级根证书核验签名…</translation>
    </message>
    <message>
        <source>The record is closed (the chair signed last): nothing reopens it and the decisions are final. A corrected result file is produced from this record with a higher result version.</source>
        <translation>评审意见表已封闭（组长已最后签署）：不能再重新打开，各项决定即为最终决定。如需更正结果文件，请依据本评审意见表以更高的结果版本重新生成。</translation>
    </message>
    <message>
        <source>Signed by {names}: the decisions, the opinion, the dissents, the visit and the sheets are frozen. To change any of them, reopen the record (the signatures are discarded).</source>
        <translation>{names} 已签署：组长决定、专家组意见、保留意见、实地考察和评分表均已冻结。如需修改，请重新打开评审意见表（已有签名将作废）。</translation>
    </message>
    <message>
        <source>The record was reopened; the signed file was set aside as {kept}. Change what is needed, then produce the record again: every member signs it again.</source>
        <translation>评审意见表已重新打开，已签署的文件另存为 {kept}。请修改所需内容后重新生成评审意见表，全体成员须重新签署。</translation>
    </message>
    <message>
        <source>No record yet. Enter the visit and the panel opinion, then produce the record.</source>
        <translation>尚未生成评审意见表。请先填写实地考察信息和专家组意见，再生成评审意见表。</translation>
    </message>
    <message>
        <source>The record on file was made from other decisions: reopen it, then produce it again.</source>
        <translation>现有评审意见表依据的是先前的决定：请重新打开后重新生成。</translation>
    </message>
    <message>
        <source>The record on file was made from other decisions: produce it again.</source>
        <translation>现有评审意见表依据的是先前的决定：请重新生成。</translation>
    </message>
    <message>
        <source>The record is closed by the chair; the members who did not sign are stated on its signature page.</source>
        <translation>组长已签署并封闭评审意见表；未签字的成员已在签名页载明。</translation>
    </message>
    <message>
        <source>The record is closed: every member and the chair have signed.</source>
        <translation>评审意见表已封闭：全体成员和组长均已签署。</translation>
    </message>
    <message>
        <source>Every member has signed, refused in writing or been recorded as not signed: the chair signs last and closes the record.</source>
        <translation>每位成员均已签署、书面拒签或被记录为未签字：请组长最后签署并封闭评审意见表。</translation>
    </message>
    <message>
        <source>Every member has signed: the chair signs last and closes the record.</source>
        <translation>全体成员均已签署：请组长最后签署并封闭评审意见表。</translation>
    </message>
    <message>
        <source>Waiting for the signature of: {who}.</source>
        <translation>尚待签署：{who}。</translation>
    </message>
    <message>
        <source>Kept encrypted on this computer: {path}
To read or print the record, or give it to the members, save a copy of it.</source>
        <translation>评审意见表在本机加密保存：{path}
如需阅读、打印或交专家组成员查阅，请另存副本。</translation>
    </message>
    <message>
        <source>Review record and result file</source>
        <translation>评审意见表与结果文件</translation>
    </message>
    <message>
        <source>Produce the review record</source>
        <translation>生成评审意见表</translation>
    </message>
    <message>
        <source>Co-sign as a member…</source>
        <translation>成员会签…</translation>
    </message>
    <message>
        <source>Refuse to sign…</source>
        <translation>拒绝签字…</translation>
    </message>
    <message>
        <source>Sign and close (chair)…</source>
        <translation>组长签署并封闭…</translation>
    </message>
    <message>
        <source>Reopen the record…</source>
        <translation>重新打开评审意见表…</translation>
    </message>
    <message>
        <source>The record on file carries signatures but was made from other decisions: reopen it, then produce it again; every member must then sign it again.</source>
        <translation>现有评审意见表已有签名，但依据的是先前的决定：请重新打开后重新生成，全体成员须重新签署。</translation>
    </message>
    <message>
        <source>Signing the refusal…</source>
        <translation>正在签署拒签声明…</translation>
    </message>
    <message>
        <source>Recording the member as not signed…</source>
        <translation>正在记录该成员未签字…</translation>
    </message>
    <message>
        <source>Withdrawing the record…</source>
        <translation>正在撤回未签字记录…</translation>
    </message>
    <message>
        <source>Checking the refusals…</source>
        <translation>正在核验拒签声明…</translation>
    </message>
</context>
<context>
    <name>RecordProgressDialog</name>
    <message>
        <source>Record a progress report</source>
        <translation>登记创建工作进展报告</translation>
    </message>
    <message>
        <source>A creation progress report of “{name}”. The file is not copied: the registry keeps its name and SHA-256.</source>
        <translation>“{name}”的创建工作进展报告。登记册不保存文件本身，只记录文件名和 SHA-256。</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Due period:</source>
        <translation>报送期限(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Received on (Beijing):</source>
        <translation>收到日期（北京时间）(&amp;R)：</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期未报</translation>
    </message>
    <message>
        <source>received {day}</source>
        <translation>已于 {day} 收到</translation>
    </message>
    <message>
        <source>not yet received</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>Choose the progress report</source>
        <translation>选择进展报告文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RecordViewer</name>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>The review record could not be shown.</source>
        <translation>无法显示评审意见表。</translation>
    </message>
    <message>
        <source>No review record yet: produce it to read it here before anyone signs.</source>
        <translation>尚未生成评审意见表：生成后可在此阅读，再由各位成员签署。</translation>
    </message>
    <message>
        <source>The review record as it will be signed</source>
        <translation>评审意见表（即将签署的内容）</translation>
    </message>
    <message>
        <source>Pages of the review record</source>
        <translation>评审记录的页面</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>The signatures&apos; appearance is not drawn here; the app has checked every signature on the record.</source>
        <translation>此处不显示签名的外观；评审意见表上的每个签名均已由本应用核验。</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register a candidate</source>
        <translation>登记候选对象</translation>
    </message>
    <message>
        <source>city</source>
        <translation>名城</translation>
    </message>
    <message>
        <source>park</source>
        <translation>名园</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>省份(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;ity (for a park: the city it lies in)</source>
        <translation>城市（名园填所在城市）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Candidates in the registry</source>
        <translation>登记册中的候选对象</translation>
    </message>
    <message>
        <source>Candidate history</source>
        <translation>候选对象历史</translation>
    </message>
    <message>
        <source>Year: stars, warnings, exits</source>
        <translation>年度：星级、整改与退出</translation>
    </message>
    <message>
        <source>Expert calibration</source>
        <translation>专家评分校准</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Register a candidate…</source>
        <translation>登记候选对象…</translation>
    </message>
    <message>
        <source>Close the publicity…</source>
        <translation>结束公示…</translation>
    </message>
    <message>
        <source>Export calibration…</source>
        <translation>导出评分校准…</translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation>导出历史…</translation>
    </message>
    <message>
        <source>Export year report…</source>
        <translation>导出年度报表…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>city</source>
        <translation>名城</translation>
    </message>
    <message>
        <source>park</source>
        <translation>名园</translation>
    </message>
    <message>
        <source>{n} of {total} candidates</source>
        <translation>共 {total} 个候选对象，显示 {n} 个</translation>
    </message>
    <message>
        <source>Enter or double-click a review to see its scores</source>
        <translation>按 Enter 或双击一条评审记录，查看各专家评分</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审助手</translation>
    </message>
    <message>
        <source>Choose a candidate under publicity first.</source>
        <translation>请先选择一个正在公示的候选对象。</translation>
    </message>
    <message>
        <source>“{name}” will be awarded the title. This cannot be undone.</source>
        <translation>将授予“{name}”称号。此操作不可撤销。</translation>
    </message>
    <message>
        <source>Award the title</source>
        <translation>授予称号</translation>
    </message>
    <message>
        <source>The objection will be recorded and “{name}” stays creating. This cannot be undone.</source>
        <translation>将记录异议，“{name}”仍为创建中。此操作不可撤销。</translation>
    </message>
    <message>
        <source>Record the objection</source>
        <translation>记录异议</translation>
    </message>
    <message>
        <source>Close the publicity</source>
        <translation>结束公示</translation>
    </message>
    <message>
        <source>“{name}” is now: {status}</source>
        <translation>“{name}”现为：{status}</translation>
    </message>
    <message>
        <source>Choose a candidate first.</source>
        <translation>请先选择候选对象。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Send your enrolment request</source>
        <translation>发送您的注册申请</translation>
    </message>
    <message>
        <source>Save the request and send it to the ministry. It holds only public keys: no secret leaves this computer.</source>
        <translation>保存申请并发送给工业和信息化部。申请只含公钥：任何秘密都不会离开本机。</translation>
    </message>
    <message>
        <source>Export the enrolment request…</source>
        <translation>导出注册申请…</translation>
    </message>
    <message>
        <source>{name}-enrolment-request</source>
        <translation>{name}-登记申请</translation>
    </message>
    <message>
        <source>Saved to {path}. Send it to the ministry.</source>
        <translation>已保存到 {path}。请发送给工业和信息化部。</translation>
    </message>
</context>
<context>
    <name>ResultFile</name>
    <message>
        <source>{name}-result-v{n}</source>
        <translation>{name}-评审结果-第{n}版</translation>
    </message>
    <message>
        <source>Checking everything as the ministry will, then signing…</source>
        <translation>正在按部里的方式全面核验，然后签署…</translation>
    </message>
    <message>
        <source>Saving the result file…</source>
        <translation>正在保存结果文件…</translation>
    </message>
    <message>
        <source>Result file, version {version}, produced {at}:
{path}
SHA-256: {digest}</source>
        <translation>结果文件（第 {version} 版），生成于 {at}：
{path}
SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Result file saved: {path}
SHA-256: {digest}</source>
        <translation>结果文件已保存：{path}
SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Produce the result file…</source>
        <translation>生成结果文件…</translation>
    </message>
    <message>
        <source>Result version</source>
        <translation>结果版本</translation>
    </message>
    <message>
        <source>A corrected result for the same package is a new result version, produced from the same closed record; the box starts one above the last version produced.</source>
        <translation>同一评审包的更正结果为新的结果版本，依据同一份已封闭的评审意见表生成；版本号默认比上次生成的高一版。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return a sheet for correction</source>
        <translation>退回评分表更正</translation>
    </message>
    <message>
        <source>Return the sheet of {expert} for correction.</source>
        <translation>退回 {expert} 的评分表进行更正。</translation>
    </message>
    <message>
        <source>Indicators to correct</source>
        <translation>需更正的指标</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tick at least one indicator to correct.</source>
        <translation>请至少勾选一个需更正的指标。</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>请说明更正的理由。</translation>
    </message>
</context>
<context>
    <name>ReturnsModel</name>
    <message>
        <source>Candidate</source>
        <translation>候选对象</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Software revenue (100 million yuan)</source>
        <translation>软件业务收入（亿元）</translation>
    </message>
    <message>
        <source>Revenue growth (%)</source>
        <translation>软件业务收入增速（%）</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>park</source>
        <translation>园区</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Save the sheet</source>
        <translation>保存评分表</translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet)</source>
        <translation>评分表 (*.rvsheet)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Registered result</source>
        <translation>登记的评审结果</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>各专家评分</translation>
    </message>
    <message>
        <source>Record and sheets</source>
        <translation>评审意见表与评分表</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>打开评审记录(&amp;O)</translation>
    </message>
    <message>
        <source>Open the signed record and the sheets from the result bundle kept on import</source>
        <translation>从导入时保存的结果包中打开已签署的评审意见表和评分表</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Vetoes and eligibility</source>
        <translation>否决项与资格条件</translation>
    </message>
    <message>
        <source>{problem}

Some of your work could not be saved. Go back to the review?
Yes: back to the review, the unsaved work kept on screen. No: close anyway (the unsaved work is lost).</source>
        <translation>{problem}

部分工作未能保存。返回评审吗？
“是”：回到评审，未保存的内容仍在屏幕上。“否”：仍然关闭（未保存的内容将丢失）。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>You declared a conflict of interest and are recused: this review cannot be scored.</source>
        <translation>您已声明利益冲突并回避：本次评审不能评分。</translation>
    </message>
    <message>
        <source>This sheet is finalised and signed, so it is locked. Only a return notice from the chair reopens it.</source>
        <translation>评分表已定稿签署，因此已锁定。只有组长的退回更正通知才能重新打开。</translation>
    </message>
    <message>
        <source>Declare any conflict of interest and accept the confidentiality pledge before scoring.</source>
        <translation>评分前请声明利益冲突情况并接受保密承诺。</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>Not saved ({reason})</source>
        <translation>未保存（{reason}）</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>ScoreEditor</name>
    <message>
        <source>Attach a site-visit file</source>
        <translation>附加实地考察文件</translation>
    </message>
    <message>
        <source>0 – {points}, step {step}</source>
        <translation>0 – {points}，步长 {step}</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>评语（必填）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>{problem}

The score you typed cannot be saved. Go back and correct it?
Yes: back to the indicator, the value kept as typed. No: discard the typed value (the saved score stays).</source>
        <translation>{problem}

输入的评分无法保存。返回改正吗？
“是”：回到该指标，保留输入的值。“否”：放弃输入的值（已保存的评分不变）。</translation>
    </message>
    <message>
        <source>Score not saved</source>
        <translation>评分未保存</translation>
    </message>
    <message>
        <source>Your score</source>
        <translation>您的评分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Type, then Enter</source>
        <translation>输入后按回车</translation>
    </message>
    <message>
        <source>The points for the selected indicator, within its range and step; Enter saves them</source>
        <translation>所选指标的得分，须在其分值范围内并符合步长；按 Enter 保存</translation>
    </message>
</context>
<context>
    <name>ScoringModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
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
        <source>Your score</source>
        <translation>您的评分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{scored} / {total}</source>
        <translation>已评 {scored} / {total}</translation>
    </message>
    <message>
        <source>Figure to check</source>
        <translation>待核实数据</translation>
    </message>
    <message>
        <source>Figure confirmed</source>
        <translation>已确认数据</translation>
    </message>
    <message>
        <source>Figure flagged</source>
        <translation>数据存疑</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>未评</translation>
    </message>
    <message>
        <source>Comment needed</source>
        <translation>需填评语</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>The chair&apos;s return notice did not name this indicator; it stays as signed.</source>
        <translation>组长的退回通知未列出此指标；保持签署时的评分。</translation>
    </message>
    <message>
        <source>Scored {scored} / {total}   ·   total {points} / {max}</source>
        <translation>已评 {scored} / {total}   ·   总分 {points} / {max}</translation>
    </message>
    <message>
        <source>figures checked {done} / {total}</source>
        <translation>已核实数据 {done} / {total}</translation>
    </message>
    <message>
        <source>Indicators to score</source>
        <translation>待评分指标</translation>
    </message>
    <message>
        <source>Private scratchpad — stays on this laptop, never in the sheet</source>
        <translation>私人草稿——只保存在本机，不进入评分表</translation>
    </message>
    <message>
        <source>Your own notes for the interviews and the visit. Nobody else ever sees them.</source>
        <translation>您为约谈和考察记的笔记，其他人都看不到。</translation>
    </message>
</context>
<context>
    <name>SealPage</name>
    <message>
        <source>Standard</source>
        <translation>评审标准</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Candidate and panel</source>
        <translation>候选对象与专家组</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Seal package…</source>
        <translation>封装评审包…</translation>
    </message>
    <message>
        <source>{name}: {n} experts (compose them on the Panel page)</source>
        <translation>{name}：{n} 位专家（在“专家组”页组建）</translation>
    </message>
    <message>
        <source>no candidate yet</source>
        <translation>尚未填写候选对象</translation>
    </message>
    <message>
        <source>{n} warnings about earlier panels</source>
        <translation>{n} 条与以往专家组有关的提醒</translation>
    </message>
    <message>
        <source>Cannot be sealed: {why}</source>
        <translation>不能封装：{why}</translation>
    </message>
    <message>
        <source>Warning: {why}</source>
        <translation>警告：{why}</translation>
    </message>
    <message>
        <source>The panel breaks a panel rule; see the reason above.</source>
        <translation>专家组不符合专家组规则，原因见上方。</translation>
    </message>
    <message>
        <source>Choose the standard</source>
        <translation>选择评审标准</translation>
    </message>
    <message>
        <source>Standards (*.json);;All files (*)</source>
        <translation>评审标准 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add materials</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a folder of materials</source>
        <translation>添加材料文件夹</translation>
    </message>
    <message>
        <source>Choose the standard first.</source>
        <translation>请先选择评审标准。</translation>
    </message>
    <message>
        <source>Give the candidate&apos;s name on the Panel page.</source>
        <translation>请在“专家组”页填写候选对象名称。</translation>
    </message>
    <message>
        <source>Seal despite the panel rules&apos; warnings</source>
        <translation>专家组规则警告：仍要封装</translation>
    </message>
    <message>
        <source>The panel breaks rules that warn:
{rules}

The warnings are recorded with the sealing in the authority&apos;s ledger.</source>
        <translation>专家组不符合以下提示警告的规则：
{rules}

这些警告将随封装记入签发机构的台账。</translation>
    </message>
    <message>
        <source>Seal anyway</source>
        <translation>仍然封装</translation>
    </message>
    <message>
        <source>Save the sealed package</source>
        <translation>保存封装好的评审包</translation>
    </message>
    <message>
        <source>Review packages (*.rvpkg)</source>
        <translation>评审包 (*.rvpkg)</translation>
    </message>
    <message>
        <source>Sealed {path}: package {id}, {n} files, valid until {exp}.</source>
        <translation>已封装 {path}：评审包 {id}，{n} 个文件，有效期至 {exp}。</translation>
    </message>
    <message>
        <source>{n} panel rule warning(s) recorded in the authority&apos;s ledger.</source>
        <translation>已将 {n} 条专家组规则警告记入签发机构的台账。</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审助手</translation>
    </message>
    <message>
        <source>Sealing failed; see the log.</source>
        <translation>封装失败，详情见日志。</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>Preview of the sheet</source>
        <translation>评分表预览</translation>
    </message>
    <message>
        <source>This is what you will sign ({pages} page(s)), as the printable PDF shows it. Arrow keys and Page Up/Down scroll; Esc closes.</source>
        <translation>以下即为您将签署的内容（共 {pages} 页），与打印 PDF 一致。方向键和上翻页、下翻页键翻阅，Esc 关闭。</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>签署(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SheetsList</name>
    <message>
        <source>Recusal</source>
        <translation>回避声明</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>&amp;Sheets in the result</source>
        <translation>结果中的评分表(&amp;S)</translation>
    </message>
    <message>
        <source>Sheets in the result</source>
        <translation>结果中的评分表</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Save the sheet…</source>
        <translation>保存评分表…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Scoring page</source>
        <translation>评分页</translation>
    </message>
    <message>
        <source>Review (outside a text box)</source>
        <translation>评审（文本框之外）</translation>
    </message>
    <message>
        <source>Score box</source>
        <translation>得分框</translation>
    </message>
    <message>
        <source>Multi-line text box</source>
        <translation>多行文本框</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>对话框</translation>
    </message>
    <message>
        <source>Open a standard</source>
        <translation>打开评审标准</translation>
    </message>
    <message>
        <source>Open a review package</source>
        <translation>打开评审包</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>打开使用指南</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>显示快捷键</translation>
    </message>
    <message>
        <source>Next indicator</source>
        <translation>下一个指标</translation>
    </message>
    <message>
        <source>Previous indicator</source>
        <translation>上一个指标</translation>
    </message>
    <message>
        <source>Next unscored indicator</source>
        <translation>下一个未评分指标</translation>
    </message>
    <message>
        <source>Next indicator whose score needs a comment</source>
        <translation>下一个需填写评语的指标</translation>
    </message>
    <message>
        <source>Save the score and go to the next unscored indicator</source>
        <translation>保存得分并转到下一个未评分指标</translation>
    </message>
    <message>
        <source>Undo the review&apos;s last change</source>
        <translation>撤销评审的上一次修改</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Next field (also out of a text box)</source>
        <translation>下一个输入项（也可离开文本框）</translation>
    </message>
    <message>
        <source>Previous field</source>
        <translation>上一个输入项</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Next tab (not inside a text box)</source>
        <translation>下一个标签页（在文本框内无效）</translation>
    </message>
    <message>
        <source>Next page of the material</source>
        <translation>材料下一页</translation>
    </message>
    <message>
        <source>Previous page of the material</source>
        <translation>材料上一页</translation>
    </message>
    <message>
        <source>Close the dialog or the preview</source>
        <translation>关闭对话框或预览</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SignedRecordViewer</name>
    <message>
        <source>The signed review record</source>
        <translation>已签署的评审意见表</translation>
    </message>
</context>
<context>
    <name>SignerTable</name>
    <message>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>尚未签署</translation>
    </message>
    <message>
        <source>Signed by {name}: valid, trusted</source>
        <translation>{name} 已签署：签名有效，可信</translation>
    </message>
    <message>
        <source>Signed by {name}: NOT valid ({problem})</source>
        <translation>{name} 已签署：签名无效（{problem}）</translation>
    </message>
    <message>
        <source>changed or untrusted</source>
        <translation>已被改动或不可信</translation>
    </message>
    <message>
        <source>Signatures on the record</source>
        <translation>评审记录上的签名</translation>
    </message>
    <message>
        <source>Signature field</source>
        <translation>签名栏</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签署时间</translation>
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
        <source>Notes taken</source>
        <translation>已记录的内容</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新记录</translation>
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
    <name>ThirdPartyDialog</name>
    <message>
        <source>Third-party report</source>
        <translation>第三方机构报告</translation>
    </message>
    <message>
        <source>The report of a third-party institution on “{name}”&apos;s application. The file is not copied: the registry keeps its name and SHA-256.</source>
        <translation>第三方机构对“{name}”申请的评估报告。文件不会被复制：登记册保存其文件名和 SHA-256。</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Report file:</source>
        <translation>报告文件(&amp;R)：</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the report</source>
        <translation>选择报告文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TrendModel</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>National (latest)</source>
        <translation>全国（最新）</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
</context>
<context>
    <name>UndoRedo</name>
    <message>
        <source>Nothing to undo. The confirmed declarations and signed versions stay as they are.</source>
        <translation>没有可撤销的修改。已确认的声明和已签署的版本保持不变。</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>没有可重做的修改。</translation>
    </message>
    <message>
        <source>Undo the review&apos;s last change (Ctrl+Z when not typing in a box)</source>
        <translation>撤销本评审的上一次修改（不在输入框中时按 Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo the review&apos;s change undone last (Ctrl+Shift+Z when not typing in a box)</source>
        <translation>重做最近一次撤销的修改（不在输入框中时按 Ctrl+Shift+Z）</translation>
    </message>
</context>
<context>
    <name>UnsignedBox</name>
    <message>
        <source>Refused to sign (reasons given in writing)</source>
        <translation>拒绝签字（已书面说明理由）</translation>
    </message>
    <message>
        <source>Not signed (deemed to agree)</source>
        <translation>未签字（视为同意）</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>尚未签署</translation>
    </message>
    <message>
        <source> — reasons: {reason}</source>
        <translation> — 理由：{reason}</translation>
    </message>
    <message>
        <source> — recorded {time}</source>
        <translation> — 记录于 {time}</translation>
    </message>
    <message>
        <source>Members who have not signed</source>
        <translation>未签字的成员</translation>
    </message>
    <message>
        <source>A member may refuse to sign with written reasons. A member who neither signs nor gives reasons is deemed to agree; the chair records it, and it is printed on the record.</source>
        <translation>成员可以拒绝签字，但须书面说明理由。既不签字又不书面说明理由的成员，视为同意；由组长予以记录，并载明于评审意见表。</translation>
    </message>
    <message>
        <source>Record as not signed (deemed to agree)…</source>
        <translation>记录为未签字（视为同意）…</translation>
    </message>
    <message>
        <source>Withdraw the not-signed record</source>
        <translation>撤回未签字记录</translation>
    </message>
    <message>
        <source>Import refusals…</source>
        <translation>导入拒签声明…</translation>
    </message>
    <message>
        <source>Refuse to sign the review record</source>
        <translation>拒绝签署评审意见表</translation>
    </message>
    <message>
        <source>{who}, write why you refuse to sign the review record. Your reasons are signed with your key and kept with the record:</source>
        <translation>{who}，请写明拒绝签署评审意见表的理由。理由将以您的私钥签署，并随评审意见表保存：</translation>
    </message>
    <message>
        <source>A refusal to sign must give its reasons in writing.</source>
        <translation>拒绝签字须书面说明理由。</translation>
    </message>
    <message>
        <source>{who} refuses to sign the review record, for these reasons:

{reason}

Your refusal is signed with your key and kept by the chair. The record states that you refused to sign with written reasons, and the chair may close it without your signature. Should you sign the record after all before the chair closes it, your signature prevails.</source>
        <translation>{who} 拒绝签署评审意见表，理由如下：

{reason}

拒签声明将以您的私钥签署，由组长保存。评审意见表将载明您已书面说明理由拒绝签字，组长可在没有您签名的情况下封闭评审意见表。如您在组长封闭前改为签署，以您的签名为准。</translation>
    </message>
    <message>
        <source>Refuse to sign</source>
        <translation>拒绝签字</translation>
    </message>
    <message>
        <source>Record as not signed</source>
        <translation>记录为未签字</translation>
    </message>
    <message>
        <source>Record that {who} neither signed the review record nor gave written reasons for refusing?

Under the rules, a member who refuses to sign without giving written reasons is deemed to agree with the review&apos;s conclusion. This is printed on the record&apos;s signature page when you close it. You can withdraw it before closing.</source>
        <translation>是否记录 {who} 既未签署评审意见表，也未书面说明拒签理由？

依照规定，拒绝签字又不书面说明理由的，视为同意评审结论。封闭评审意见表时，此事实将载明于签名页。封闭前可以撤回该记录。</translation>
    </message>
    <message>
        <source>Refused to sign, with written reasons: {who}.</source>
        <translation>书面说明理由拒绝签字：{who}。</translation>
    </message>
    <message>
        <source>Did not sign and gave no reasons (deemed to agree): {who}.</source>
        <translation>未签字且未说明理由（视为同意）：{who}。</translation>
    </message>
    <message>
        <source>You sign the review record as the chair, last. Not every member has signed:

{facts}

Your closing signature states these facts and they are printed on the signature page. No field can be signed or changed afterwards and nothing can reopen the record.</source>
        <translation>您将以组长身份最后签署评审意见表。并非全体成员均已签署：

{facts}

组长的封闭签名将载明上述事实，并印在签名页上。此后任何签名栏都不能再签署或修改，评审意见表不能再重新打开。</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Not entered yet: the record needs the visit&apos;s dates and place.</source>
        <translation>尚未填写：评审意见表需要实地考察的日期和地点。</translation>
    </message>
    <message>
        <source>Saved: {days} day(s), {place}.</source>
        <translation>已保存：{days} 天，{place}。</translation>
    </message>
    <message>
        <source>The last day of the visit is before its first day.</source>
        <translation>考察结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A visit of more than {n} days: check the dates.</source>
        <translation>考察超过 {n} 天：请核对日期。</translation>
    </message>
    <message>
        <source>Enter where the visit took place.</source>
        <translation>请填写考察地点。</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>实地考察</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>e.g. the park&apos;s management committee, Nanjing, Jiangsu</source>
        <translation>例如：江苏省南京市 示例软件园管理委员会</translation>
    </message>
    <message>
        <source>Save the visit</source>
        <translation>保存考察信息</translation>
    </message>
</context>
<context>
    <name>VoteChoice</name>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>反对</translation>
    </message>
</context>
<context>
    <name>VotesPage</name>
    <message>
        <source>Nothing has been put to the panel yet.</source>
        <translation>尚未提交专家组表决。</translation>
    </message>
    <message>
        <source>Put to the panel at {at} (motion {digest}): {n} change(s) and the draft opinion.</source>
        <translation>已于 {at} 提交专家组表决（表决提请 {digest}）：{n} 项变更及专家组意见草稿。</translation>
    </message>
    <message>
        <source>Put to the panel at {at} (motion {digest}): {n} change(s).</source>
        <translation>已于 {at} 提交专家组表决（表决提请 {digest}）：{n} 项变更。</translation>
    </message>
    <message>
        <source>Statements held: {n}</source>
        <translation>已收到表决意见：{n} 份</translation>
    </message>
    <message>
        <source>No member&apos;s vote held yet.</source>
        <translation>尚未收到成员的表决意见。</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>{who}&apos;s vote (signed here)</source>
        <translation>{who} 的表决意见（本机签署）</translation>
    </message>
    <message>
        <source>Proposed changes and the opinion</source>
        <translation>变更提议与专家组意见</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Computed aggregate</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提议值</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>变更依据</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Panel vote</source>
        <translation>专家组表决</translation>
    </message>
    <message>
        <source>Put to the panel…</source>
        <translation>提交专家组表决…</translation>
    </message>
    <message>
        <source>Save the motion file…</source>
        <translation>另存表决提请文件…</translation>
    </message>
    <message>
        <source>Import votes…</source>
        <translation>导入表决意见…</translation>
    </message>
    <message>
        <source>Member votes…</source>
        <translation>成员表决…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>表决提请</translation>
    </message>
    <message>
        <source>Signed (Beijing time)</source>
        <translation>签署时间（北京时间）</translation>
    </message>
    <message>
        <source>Statements held</source>
        <translation>已收到的表决意见</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Statement files offered</source>
        <translation>本次导入的表决意见文件</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Expert review of Software Famous Cities and Parks</source>
        <translation>中国软件名城名园专家评审</translation>
    </message>
    <message>
        <source>Experts: open the review package (.rvpkg) the ministry sent you. To read a standard&apos;s indicators, open the standard file (.json). Files can also be dropped here.</source>
        <translation>评审专家请打开工业和信息化部发来的评审包（.rvpkg）。如需查看评审标准的指标，请打开标准文件（.json）。也可将文件拖放到此处。</translation>
    </message>
    <message>
        <source>Open review &amp;package…</source>
        <translation>打开评审包(&amp;P)…</translation>
    </message>
    <message>
        <source>Open &amp;standard…</source>
        <translation>打开评审标准(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Recent packages (click or Enter to open):</source>
        <translation>最近打开的评审包（单击或按 Enter 打开）(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>WorkspacePages</name>
    <message>
        <source>Steps of the review</source>
        <translation>评审步骤</translation>
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
    <name>_Choice</name>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Approve: {what}</source>
        <translation>同意：{what}</translation>
    </message>
    <message>
        <source>Object: {what}</source>
        <translation>反对：{what}</translation>
    </message>
    <message>
        <source>Reason for the objection (required)</source>
        <translation>反对理由（必填）</translation>
    </message>
    <message>
        <source>Reason for the objection: {what}</source>
        <translation>反对理由：{what}</translation>
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
    <name>cosign</name>
    <message>
        <source>Choose the co-signing member&apos;s identity folder</source>
        <translation>选择会签成员的身份文件夹</translation>
    </message>
    <message>
        <source>Co-sign the review record</source>
        <translation>会签评审意见表</translation>
    </message>
    <message>
        <source>{who}, type your passphrase to sign the review record with your key:</source>
        <translation>{who}，请输入您的口令，以您的私钥签署评审意见表：</translation>
    </message>
    <message>
        <source>Save the result file</source>
        <translation>保存结果文件</translation>
    </message>
    <message>
        <source>Result files (*.rvresult)</source>
        <translation>结果文件 (*.rvresult)</translation>
    </message>
    <message>
        <source>Save a copy of the review record</source>
        <translation>另存评审意见表副本</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Review record</source>
        <translation>评审意见表</translation>
    </message>
    <message>
        <source>Reopen the review record</source>
        <translation>重新打开评审意见表</translation>
    </message>
    <message>
        <source>Reopening discards the signatures of {names}. Why must the record be changed? The reason is logged with the reopening.</source>
        <translation>重新打开将使 {names} 的签名作废。为何须修改评审意见表？原因将随重新打开记入日志。</translation>
    </message>
</context>
<context>
    <name>declarations</name>
    <message>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
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
        <translation>保存退回更正通知</translation>
    </message>
    <message>
        <source>Return notices (*.rvreturn)</source>
        <translation>退回更正通知 (*.rvreturn)</translation>
    </message>
    <message>
        <source>Import score sheets</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet);;All files (*)</source>
        <translation>评分表 (*.rvsheet);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import every score sheet in a folder</source>
        <translation>导入文件夹中的全部评分表</translation>
    </message>
    <message>
        <source>Import the members&apos; votes</source>
        <translation>导入成员的表决意见</translation>
    </message>
    <message>
        <source>Member statements (*.rvstatement);;All files (*)</source>
        <translation>表决意见 (*.rvstatement);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the motion file</source>
        <translation>保存表决提请文件</translation>
    </message>
    <message>
        <source>Motions (*.rvmotion)</source>
        <translation>表决提请 (*.rvmotion)</translation>
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
        <source>Presentation and questioning</source>
        <translation>汇报、质询答辩</translation>
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
    <message>
        <source>International algorithms (ECDSA P-256 / X25519 / AES-256-GCM)</source>
        <translation>国际算法（ECDSA P-256 / X25519 / AES-256-GCM）</translation>
    </message>
    <message>
        <source>SM algorithms (SM2 / SM3 / SM4)</source>
        <translation>国密算法（SM2 / SM3 / SM4）</translation>
    </message>
    <message>
        <source>Algorithm suite: {suite}</source>
        <translation>算法套件：{suite}</translation>
    </message>
</context>
<context>
    <name>memberVote</name>
    <message>
        <source>Choose the voting member&apos;s identity folder</source>
        <translation>选择表决成员的身份文件夹</translation>
    </message>
    <message>
        <source>Sign your vote</source>
        <translation>签署表决意见</translation>
    </message>
    <message>
        <source>{who}, type your passphrase to sign your vote with your key:</source>
        <translation>{who}，请输入您的口令，以您的密钥签署表决意见：</translation>
    </message>
</context>
<context>
    <name>ministry</name>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Representative of the purchaser or authority</source>
        <translation>采购人或主管部门代表</translation>
    </message>
    <message>
        <source>Member category</source>
        <translation>成员类别</translation>
    </message>
    <message>
        <source>The panel rules count the experts among the members. This member is:</source>
        <translation>专家组规则要计算成员中专家的比例。该成员是：</translation>
    </message>
    <message>
        <source>Unlock the authority</source>
        <translation>解锁签发机构</translation>
    </message>
    <message>
        <source>The key of {who} is not in this computer&apos;s keyring.
Type its passphrase:</source>
        <translation>{who}的私钥口令不在本机密钥环中。
请输入口令：</translation>
    </message>
</context>
<context>
    <name>ministry_models</name>
    <message>
        <source>Representative</source>
        <translation>采购人或主管部门代表</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
</context>
<context>
    <name>motion_files</name>
    <message>
        <source>Open the chair&apos;s motion</source>
        <translation>打开组长的表决提请</translation>
    </message>
    <message>
        <source>Motions (*.rvmotion)</source>
        <translation>表决提请 (*.rvmotion)</translation>
    </message>
    <message>
        <source>Save your signed statement</source>
        <translation>保存已签署的表决声明</translation>
    </message>
    <message>
        <source>Statements (*.rvstatement)</source>
        <translation>成员声明 (*.rvstatement)</translation>
    </message>
    <message>
        <source>Import refusals to sign</source>
        <translation>导入拒签声明</translation>
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
        <translation>组长退回了您的第 {n} 版评分表要求更正。

理由：{reason}

现在只能修改：{codes}。修改后请重新签署，提交第 {m} 版。</translation>
    </message>
    <message>
        <source>Return notice accepted</source>
        <translation>已接受退回更正通知</translation>
    </message>
</context>
<context>
    <name>sheet_files</name>
    <message>
        <source>Save the signed sheet</source>
        <translation>保存已签署的评分表</translation>
    </message>
    <message>
        <source>Score sheets (*.rvsheet)</source>
        <translation>评分表 (*.rvsheet)</translation>
    </message>
    <message>
        <source>Export the sheet as PDF</source>
        <translation>将评分表导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Accept a return notice</source>
        <translation>接收退回更正通知</translation>
    </message>
    <message>
        <source>Return notices (*.rvreturn);;All files (*)</source>
        <translation>退回更正通知 (*.rvreturn);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the enrolment request</source>
        <translation>导出注册申请</translation>
    </message>
    <message>
        <source>Enrolment requests (*.json)</source>
        <translation>注册申请 (*.json)</translation>
    </message>
    <message>
        <source>Install the credential</source>
        <translation>安装证书</translation>
    </message>
    <message>
        <source>Credentials (*.rvcred);;All files (*)</source>
        <translation>证书 (*.rvcred);;所有文件 (*)</translation>
    </message>
</context>
</TS>
