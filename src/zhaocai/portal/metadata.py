"""The portal's Datasette metadata: what each table and column means, in Chinese and English.

Tables are described with their source in law where one applies; facets are those readers ask for
(category, method, status, buyer, year); canned queries (`queries.py`) answer the common questions.
Times in the database are Asia/Shanghai time with their offset (+08:00); amounts are yuan with two
decimals, beside a display column (¥1,900,000.00) and, for awards, the amount in words (大写).
"""

from __future__ import annotations

from typing import Any

from zhaocai.portal.queries import CANNED_QUERIES
from zhaocai.publish.public_db import FTS_TABLES

DEFAULT_LICENSE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")

TENDER_ID = "招标项目编号 Tender id (link to the tender)"
SUPPLIER_ID = "供应商编号 Supplier id (link to the supplier)"
SUPPLIER_NAME = "供应商名称 Supplier name"
LOT = "标段 Lot"
STATUS = "状态 Status"

TABLES: dict[str, dict[str, Any]] = {
    "deviations": {
        "title": "规则偏离 Deviations from the rules policy",
        "description": "经纪检人员批准、低于本单位规则的个别项目规则（每行一项数字），发布时冻结。"
                       " Numbers of one tender laxer than the organisation's policy, each approved by a "
                       "supervisor other than the drafter and frozen at publication; never below the "
                       "law's floor for a statutory tender.",
        "columns": {
            "tender_id": "项目编号 Tender id", "deviation_id": "偏离编号 Deviation id",
            "rule": "规则 Rule", "policy_value": "本单位规则 Policy value",
            "tender_value": "本项目取值 Tender value", "source": "依据 Source",
            "reason": "理由 Reason", "policy_version": "规则版本 Policy version",
            "approved_at": "批准时间（北京时间）Approved (Asia/Shanghai)",
        },
    },
    "tenders": {
        "title": "招标项目 Tenders",
        "description": "已发布的招标、邀请招标和询价项目，含最高限价、截标与开标时间和当前状态。"
                       " Published tenders, invitations and price inquiries: ceiling price, deadline, "
                       "opening and current state (Bidding Law art. 16: a tender notice is public).",
        "label_column": "title", "sort_desc": "published_at",
        "facets": ["category_zh", "method_zh", "state_zh", "buyer", "year"],
        "columns": {
            "id": "项目编号 Tender id", "ocid": "OCDS 开放合同编号 Open Contracting id",
            "title": "项目名称 Title", "buyer": "采购人 Buyer", "category_zh": "类别 Category",
            "method_zh": "采购方式 Method", "state_zh": "状态 State", "year": "发布年份 Year published",
            "ceiling_price_text": "最高限价 Ceiling price", "ceiling_price": "最高限价（元）Ceiling, yuan",
            "ceiling_price_fen": "最高限价（分）Ceiling, fen",
            "bid_security": "投标保证金（元）Bid security, yuan",
            "published_at": "发布时间（北京时间）Published (Asia/Shanghai)",
            "deadline": "投标截止时间（北京时间）Bid deadline (Asia/Shanghai)",
            "original_deadline": "原截止时间 Deadline before amendments",
            "opened_at": "开标时间 Opened at", "valid_bids": "有效投标数 Valid bids",
            "outcome_reason": "流标或终止原因 Reason a tender failed or was cancelled",
            "retender_of": "重新招标自 Re-tender of",
            "statutory": "依法必须招标 Statutory tender (1 = yes)",
            "policy_version": "适用规则版本 Policy version frozen at publication",
            "deviation_id": "经批准的规则偏离 Approved deviation",
        },
    },
    "opening_records": {
        "title": "开标记录 Opening records",
        "description": "公开开标记录：开标时间、投标数、有效投标数和记录摘要（可核验）。"
                       " Public opening records (Bidding Law art. 34–36): when, how many bids, how many "
                       "valid, and the digest of the record.",
        "sort_desc": "opened_at",
        "columns": {"tender_id": TENDER_ID, "stage": "开标阶段 Stage (single, technical, price)",
                    "opened_at": "开标时间 Opened at", "bids": "投标数 Bids",
                    "valid_bids": "有效投标数 Valid",
                    "outcome": "结果 Outcome", "failure_reason": "流标原因 Why it failed",
                    "digest": "开标记录摘要 SHA-256 digest of the record"},
    },
    "opening_entries": {
        "title": "开标唱标 Bids read out at opening",
        "description": "开标时公开宣读的每份投标：供应商、报价、递交时间、投标文件哈希。"
                       "开标前不公开任何投标信息。"
                       " Each bid as read out at the opening: supplier, price, time received, envelope hash. "
                       "Nothing of a bid is public before its opening.",
        "facets": ["status"],
        "columns": {"tender_id": TENDER_ID, "supplier_id": SUPPLIER_ID, "supplier_name": SUPPLIER_NAME,
                    "total_price_text": "投标总价 Total price", "received_at": "递交时间 Received at",
                    "envelope_hash": "投标文件哈希 Envelope hash", "status": STATUS,
                    "reason": "无效原因 Why invalid"},
    },
    "candidates": {
        "title": "中标候选人公示 Award candidates",
        "description": "评标后公示的中标候选人及公示期。 Award candidates publicised after evaluation, "
                       "with the publicity period (Bidding Law Regulation art. 54: at least 3 days).",
        "columns": {"tender_id": TENDER_ID, "lot_id": LOT, "rank": "排名 Rank", "supplier_id": SUPPLIER_ID,
                    "price_text": "报价 Price", "total_score": "综合得分 Total score",
                    "publicity_starts": "公示开始 Publicity starts",
                    "publicity_ends": "公示结束 Publicity ends"},
    },
    "evaluation_results": {
        "title": "评标结果 Evaluation results",
        "description": "每个投标人的评审结果：合格性、评审价、总分与排名（不含评委个人打分）。"
                       " Each bidder's result: compliance, evaluated price, total score and rank "
                       "(never a committee member's own scores).",
        "facets": ["status"],
        "columns": {"tender_id": TENDER_ID, "supplier_id": SUPPLIER_ID, "status": STATUS,
                    "evaluated_price": "评审价（元）Evaluated price", "total_score": "总分 Total score",
                    "rank": "排名 Rank"},
    },
    "committee": {
        "title": "评标委员会 Evaluation committee",
        "description": "评标委员会成员名单，在中标结果确定后公开（招标投标法第三十七条）。"
                       " Committee members, published once the result is known (Bidding Law art. 37).",
        "columns": {"tender_id": TENDER_ID, "seat": "席位 Seat", "name": "姓名 Name", "role": "身份 Role"},
    },
    "awards": {
        "title": "中标结果 Awards",
        "description": "定标结果：中标供应商与中标金额（含大写）。 Award decisions: supplier and amount "
                       "(with the amount in words).",
        "label_column": "supplier_name", "sort_desc": "awarded_at", "facets": ["status"],
        "columns": {"tender_id": TENDER_ID, "lot_id": LOT, "supplier_id": SUPPLIER_ID,
                    "supplier_name": SUPPLIER_NAME, "amount_text": "中标金额 Amount",
                    "amount_in_words": "金额大写 Amount in words", "awarded_at": "定标时间 Awarded at",
                    "status": STATUS},
    },
    "contracts": {
        "title": "合同 Contracts", "sort_desc": "signed_at",
        "description": "签订的合同及金额。 Signed contracts and their amounts.",
        "columns": {"tender_id": TENDER_ID, "award_id": "中标结果 Award", "supplier_id": SUPPLIER_ID,
                    "amount_text": "合同金额 Amount", "signed_at": "签订时间 Signed at", "status": STATUS},
    },
    "contract_performance": {
        "title": "履约记录 Contract performance",
        "description": "履约事件的类别、严重程度与时间（不含内部说明）。 Performance events: kind, severity, "
                       "time (never the internal notes).",
    },
    "blacklist": {
        "title": "清退名单 Blacklisted suppliers",
        "description": "被清退的供应商、原因、决定时间与禁入期限（空为永久）。"
                       " Suppliers cleared out: reason, "
                       "decision and ban end (empty: permanent). The evidence stays internal.",
        "sort_desc": "decided_at",
        "columns": {"supplier_id": SUPPLIER_ID, "supplier_name": SUPPLIER_NAME,
                    "credit_code": "统一社会信用代码 Unified social credit code", "reason": "原因 Reason",
                    "decided_at": "决定时间 Decided at", "ban_days": "禁入天数 Ban, days",
                    "ban_until": "禁入截止 Banned until (empty: permanent)"},
    },
    "suppliers": {
        "title": "供应商 Suppliers",
        "description": "出现在公开结果中的供应商（开标后的投标人、中标人、被清退者）；投标前不公开谁投了标。"
                       " Suppliers that appear in public results (bidders after the opening, winners, "
                       "blacklisted). Who bids is never public before the opening.",
        "label_column": "name",
        "columns": {"id": "供应商编号 Supplier id", "name": "名称 Name",
                    "credit_code": "统一社会信用代码 Unified social credit code"},
    },
    "red_flags": {
        "title": "风险预警 Red flags",
        "description": "项目层面的程序违规和确凿证据（如关联投标人、报价相同）；"
                       "统计筛查和团伙分析结果不公开，个人信息、账号等证据值不公开。"
                       " Tender-level procedural breaches and hard evidence (related bidders, identical "
                       "prices…); statistical screens and network findings are not published, private "
                       "evidence values (identity numbers, accounts, phones) are withheld.",
        "facets": ["code", "subject"],
        "columns": {"code": "预警代码 Code", "name_zh": "预警名称 Name (Chinese)",
                    "name_en": "Name (English)",
                    "tender_ids": "涉及项目 Tenders", "supplier_ids": "涉及供应商 Suppliers",
                    "evidence": "证据（已脱敏）Evidence (private values withheld)"},
    },
    "items": {"title": "采购清单 Items", "description": "各标段的货物、工程或服务清单。 What each lot buys.",
              "columns": {"tender_id": TENDER_ID, "name": "名称 Name", "quantity": "数量 Quantity",
                          "unit": "单位 Unit", "specification": "规格 Specification"}},
    "lots": {"title": "标段 Lots", "description": "招标项目的标段。 The lots of each tender."},
    "amendments": {"title": "澄清与修改 Amendments",
                   "description": "招标文件的澄清、修改与截止时间变更。"
                                  " Clarifications, amendments and deadline changes."},
    "meta": {"title": "数据说明 About this file",
             "description": "生成时间、发布者与检索说明。"
                            " When the file was generated, by whom, how search works."},
}
SEARCHED = {"tenders": "tenders_fts", "items": "items_fts", "suppliers": "suppliers_fts"}


def _entry_links(database: str) -> str:
    """Links to the pages people start from: the main tables and the canned queries."""
    from html import escape

    from datasette.utils import tilde_encode

    pages = [(name, TABLES[name]["title"]) for name in ("tenders", "opening_records", "awards", "blacklist",
                                                         "red_flags")]
    pages += [(name, spec["title"]) for name, spec in CANNED_QUERIES.items()]
    base = "/" + escape(tilde_encode(database))
    items = "".join(f'<li><a href="{base}/{name}">{escape(title)}</a></li>' for name, title in pages)
    return f"<p>常用入口 Start here:</p><ul>{items}</ul>"


def portal_metadata(database: str, license_url: str | None = None) -> dict[str, Any]:
    """Datasette metadata for the public database named `database` (the file's stem)."""
    tables = {name: dict(spec) for name, spec in TABLES.items()}
    for table, fts in SEARCHED.items():
        tables[table].update({"fts_table": fts, "fts_pk": "rowid"})
    for fts in FTS_TABLES:
        tables[fts] = {"hidden": True}
    license_name, default_url = DEFAULT_LICENSE
    return {
        "title": "阳光采购公开平台 Sunshine procurement portal",
        "description_html": (
            "<p>公开招标项目、开标记录、评标与中标结果、合同、清退名单和风险预警，供供应商、公众与审计查阅。"
            "搜索框支持中文词语（如 劳务、钢筋、混凝土 C30、HRB400E）。</p>"
            "<p>Published tenders, opening records, evaluation results and awards, contracts, blacklisted "
            "suppliers and red flags, for suppliers, the public and auditors. The search box understands "
            "Chinese words. Times are Beijing time (Asia/Shanghai); amounts are in yuan (¥).</p>"
            + _entry_links(database)),
        "license": license_name if license_url is None else "Data licence",
        "license_url": license_url or default_url,
        "databases": {database: {
            "title": "阳光采购公开库 Public procurement database",
            "description": "只包含可公开的信息：从不包含身份证号、银行账户、联系方式、"
                           "开标前的任何投标信息或评委个人打分。"
                           " Only what may be public: never identity numbers, bank accounts, contacts, "
                           "anything of a bid before its opening, or a committee member's own scores.",
            "tables": tables,
            "queries": CANNED_QUERIES,
        }},
    }
