"""Events of declared interests and recusal (利益申报与回避)."""

from __future__ import annotations

from zhaocai.event_catalog.model import EventType

INTEREST_EVENTS = (
    EventType("InterestDeclared", "person", ("person.interest.declare",),
              "A person of the buyer or an expert declared an interest of their own (a relative's "
              "employer, a former employer, a shareholding or a related person); what it names "
              "stays in the audit trail.",
              "招标人工作人员或评标专家申报本人的利益关系（近亲属任职单位、原任职单位、持股或关系人）；"
              "申报内容仅记入审计链。",
              {"declaration_id": str, "kind": str}),
    EventType("PersonRecused", "tender", ("person.recuse",),
              "A person stepped aside from a duty on a tender (drafter, inquiry officer, custodian, "
              "committee member, award approver) because of a declared interest in a bidder; the "
              "event names the duty and the reason, the audit trail the person and the supplier.",
              "因申报的利益关系涉及投标人，相关人员回避其在项目中的职责（招标文件编制、询价、开标密钥保管、"
              "评标委员会、定标审批）；事件载明职责与原因，审计链载明人员与供应商。",
              {"tender_id": str, "duty": str, "reason": str}),
)
