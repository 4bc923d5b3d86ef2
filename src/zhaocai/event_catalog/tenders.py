"""Events of a tender's life before evaluation: publication, amendments, closing, opening, and
of its end: award, contracts."""

from __future__ import annotations

from typing import Any

from zhaocai.event_catalog.model import EventType, Moment, Money, Record

_MOVE: dict[str, Any] = {"tender_id": str, "from": str, "to": str}
_REF: dict[str, Any] = {"external_ref": str}
"""The ERP's own reference, when one was given (zhaocai.references)."""

TENDER_EVENTS = (
    EventType("ReceiptKeyCreated", "receipt_key", ("platform.receipt_key",),
              "The platform's first receipt-signing key was registered (its public half only: "
              "the private key stays with the key provider, outside the store).",
              "登记平台的首个回执签名公钥（私钥由密钥提供方保管，不在数据库中）。",
              {"verify_key": str, "valid_from": Moment, "replaces": str | None}),
    EventType("ReceiptKeyRotated", "receipt_key", ("platform.receipt_key",),
              "A new receipt-signing key replaced the old one; receipts signed before keep "
              "verifying with the old key.",
              "回执签名密钥已轮换；此前签发的回执仍以原公钥验证。",
              {"verify_key": str, "valid_from": Moment, "replaces": str | None}),
    EventType("TenderPublished", "tender", ("tender.publish",),
              "A tender was published: its rules are frozen (`rules_digest`), bids are sealed to "
              "`public_key`, the custodians hold the key's shares. `external_ref` is the ERP's own "
              "reference given with the draft (version 2 added it).",
              "招标项目发布：规则冻结（rules_digest），投标以 public_key 密封，密钥分片由保管人持有。"
              "external_ref 为草稿中的企业内部参考号（第 2 版新增）。",
              {"tender_id": str, "title": str, "buyer": str, "category": str, "method": str,
               "lots": list[Record], "deadline": Moment, "ceiling_price": Money,
               "bid_security": Money, "evaluation": Record, "profile": Record, "statutory": bool,
               "policy_version": int, "deviation": Record | None, "rules_digest": str,
               "public_key": str, "two_envelopes": bool, "threshold": int,
               "custodians": list[Record]}, {"external_ref": str}, version=2),
    EventType("TenderAmended", "tender", ("tender.amendment", "tender.clarification"),
              "An amendment or clarification was issued; the deadline may have moved and bidders "
              "may have to reconfirm.",
              "发布澄清或修改；截止时间可能顺延，投标人可能须重新确认。",
              {"tender_id": str, "seq": int, "kind": str, "text": str, "issued_at": str,
               "deadline_before": str, "deadline_after": str, "requires_reconfirmation": bool,
               "reconfirmation_round": int | None}),
    EventType("TenderClosed", "tender", ("tender.close",),
              "The bid deadline passed: no more bids.", "投标截止，不再接受投标。",
              {**_MOVE, "deadline": Moment}),
    EventType("TenderOpened", "tender", ("tender.open",),
              "The bids were opened in public by a quorum of custodians; `record_digest` "
              "identifies the opening record.",
              "保管人达到法定人数，公开开标；record_digest 标识开标记录。",
              {"tender_id": str, "stage": str, "record_digest": str, "bids": int,
               "valid_bids": int, "custodians_present": list[str], "reason": str | None}),
    EventType("TenderCommercialOpened", "tender", ("tender.open_commercial",),
              "The commercial envelopes of a two-envelope tender were opened.",
              "双信封招标项目开启商务标。",
              {"tender_id": str, "stage": str, "record_digest": str, "valid_bids": int}),
    EventType("BidsNotOpened", "tender", ("bid.not_opened",),
              "Bids set aside at opening (withdrawn, unconfirmed after an amendment ...), with "
              "the reason for each.",
              "开标时未开启的投标（已撤回、修改后未重新确认等）及原因。",
              {"tender_id": str, "bids": list[Record]}),
    EventType("TechnicalComplianceRecorded", "tender", ("tender.technical_compliance",),
              "The technical envelopes of a two-envelope tender were judged compliant or not.",
              "双信封招标项目技术标符合性审查结果。",
              {"tender_id": str, "decisions": list[Record]}),
    EventType("TenderFailed", "tender",
              ("tender.fail", "evaluation.compliance", "evaluation.abnormal", "inquiry.decide",
               "award.ineligible_decide"),
              "The tender (or its last open lot) failed (流标): too few bids or valid bids, or no "
              "eligible winner; which optional fields appear depends on the step that failed it.",
              "招标项目（或其最后一个标段）流标：投标或有效投标不足，或无合格中标人。",
              {"tender_id": str, "reason": str},
              {"stage": str, "record_digest": str, "bids": int, "valid_bids": int,
               "custodians_present": list[str], "from": str, "to": str, "lot_id": str,
               "action": str, "bid_id": str, "supplier_id": str, "eligibility": list[str],
               "removal_id": str, "lots": Record, "excluded": Record, "related": list[Record],
               "record_hash": str, "decision": str, "explanation": str, "lot_status": str,
               "voided_award": str, "voided_contracts": list[str]}),
    EventType("TenderCancelled", "tender", ("tender.cancel",),
              "The tender was cancelled on a request approved by a second person.",
              "经另一人审批，招标项目终止。",
              {**_MOVE, "reason": str, "requested_by": str, "approved_by": str}),
    EventType("TenderAwarded", "tender", ("award.decide",),
              "The award was decided: one winner per lot, each with its contract to sign by "
              "`contract_sign_by`.",
              "确定中标：每个标段一名中标人，须在 contract_sign_by 前签订合同。",
              {**_MOVE, "awards": list[Record], "contract_sign_by": Moment}),
    EventType("ContractSignature", "contract", ("contract.sign",),
              "One side signed a contract; emitted for every signature. `external_ref` is the "
              "ERP's reference (a purchase order) the buyer's signature gave (version 2 added it).",
              "合同一方签署；每次签署均发出。external_ref 为招标人签署时登记的内部参考号（第 2 版新增）。",
              {"contract_id": str, "tender_id": str, "lot_id": str, "supplier_id": str,
               "amount": Money, "signed_by": str, "status": str}, _REF, version=2),
    EventType("ContractSigned", "contract", ("contract.sign",),
              "Both sides have signed: the contract is in force (`external_ref`: as in "
              "`ContractSignature`).",
              "双方均已签署，合同生效（external_ref 同合同签署事件）。",
              {"contract_id": str, "tender_id": str, "lot_id": str, "supplier_id": str,
               "amount": Money, "signed_by": str, "status": str}, _REF, version=2),
    EventType("TenderContracted", "tender", ("contract.sign",),
              "Every lot's contract is signed: the tender is complete (`external_ref`: the last "
              "contract's, as in `ContractSignature`).",
              "所有标段合同均已签署，招标项目完成（external_ref 为最后签署合同的内部参考号）。",
              {**_MOVE, "contract_id": str, "lot_id": str, "supplier_id": str, "amount": Money,
               "signed_by": str, "status": str}, _REF, version=2),
    EventType("ContractLapsed", "contract", ("contract.lapse",),
              "A contract was not signed by its deadline and lapsed.",
              "合同未在期限内签订，已失效。",
              {"contract_id": str, "tender_id": str, "sign_by": Moment, "buyer_signed": bool,
               "supplier_signed": bool}),
)
