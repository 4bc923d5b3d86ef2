"""Canned queries of the portal: the questions suppliers, the public and auditors ask.

"Now" is the moment the file was generated (`meta.generated_at`), so the answers match the data.
The search query ranks tenders with bm25 over the jieba words (title weighs most); its `:q` goes
through `escape_fts`, which the portal's plugin replaces with the segmenting query builder.
"""

from __future__ import annotations

from typing import Any

from zhaocai.publish.public_db import FTS_TABLES

NOW = "(SELECT value FROM meta WHERE key = 'generated_at')"
BM25 = "bm25(tenders_fts, " + ", ".join(str(w) for w in FTS_TABLES["tenders_fts"][2]) + ")"

CANNED_QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "按相关度检索招标项目 Search tenders, best match first",
        "description": "输入中文或英文词语，如 劳务、钢筋、混凝土 C30、HRB400E。"
                       " Type Chinese or English words.",
        "sql": f"""SELECT t.id AS tender_id, t.title, t.buyer, t.category_zh AS category, t.state_zh AS state,
  t.deadline, t.ceiling_price_text AS ceiling_price, round(-{BM25}, 2) AS relevance
FROM tenders_fts JOIN tenders t ON t.rowid = tenders_fts.rowid
WHERE tenders_fts MATCH escape_fts(:q)
ORDER BY {BM25}, t.published_at DESC
LIMIT 100""",
    },
    "open_tenders_closing_soon": {
        "title": "即将截止的招标 Open tenders closing soon",
        "description": "仍在接受投标的项目，按截止时间排序。"
                       " Tenders still taking bids, the nearest deadline first.",
        "sql": f"""SELECT t.id AS tender_id, t.title, t.buyer, t.category_zh AS category,
  t.method_zh AS method, t.deadline, round(julianday(t.deadline) - julianday({NOW}), 1) AS days_left,
  t.ceiling_price_text AS ceiling_price
FROM tenders t
WHERE t.state = 'published' AND julianday(t.deadline) > julianday({NOW})
ORDER BY julianday(t.deadline)""",
    },
    "results_last_month": {
        "title": "近一个月的中标结果 Results of the last month",
        "description": "最近 31 天内的定标结果。 Awards decided in the last 31 days.",
        "sql": f"""SELECT a.awarded_at, a.tender_id, t.title, a.lot_id, a.supplier_id, a.supplier_name,
  a.amount_text AS amount, a.amount_in_words
FROM awards a JOIN tenders t ON t.id = a.tender_id
WHERE julianday(a.awarded_at) >= julianday({NOW}) - 31
ORDER BY a.awarded_at DESC""",
    },
    "supplier_history": {
        "title": "供应商历史 A supplier's history",
        "description": "输入供应商名称的一部分或编号：投标、候选、中标、合同与清退。"
                       " Part of a supplier's name, or its id: bids, candidacies, awards, contracts, "
                       "blacklisting.",
        "sql": """WITH s AS (SELECT id, name FROM suppliers
  WHERE :supplier != '' AND (id = :supplier OR name LIKE '%' || :supplier || '%'))
SELECT o.opened_at AS at, '投标 bid' AS what, e.tender_id, t.title, e.supplier_id, e.supplier_name,
  e.total_price_text AS amount, e.status
FROM opening_entries e JOIN s ON s.id = e.supplier_id JOIN tenders t ON t.id = e.tender_id
  JOIN opening_records o ON o.tender_id = e.tender_id AND o.stage = e.stage
UNION ALL
SELECT c.publicity_starts, '候选 candidate #' || c.rank, c.tender_id, t.title, c.supplier_id, c.supplier_name,
  c.price_text, 'publicised'
FROM candidates c JOIN s ON s.id = c.supplier_id JOIN tenders t ON t.id = c.tender_id
UNION ALL
SELECT a.awarded_at, '中标 award', a.tender_id, t.title, a.supplier_id, a.supplier_name, a.amount_text,
  a.status
FROM awards a JOIN s ON s.id = a.supplier_id JOIN tenders t ON t.id = a.tender_id
UNION ALL
SELECT k.signed_at, '合同 contract', k.tender_id, t.title, k.supplier_id, k.supplier_name, k.amount_text,
  k.status
FROM contracts k JOIN s ON s.id = k.supplier_id JOIN tenders t ON t.id = k.tender_id
UNION ALL
SELECT b.decided_at, '清退 blacklisted', NULL, b.reason, b.supplier_id, b.supplier_name, NULL,
  coalesce('禁入至 until ' || b.ban_until, '永久 permanent')
FROM blacklist b JOIN s ON s.id = b.supplier_id
ORDER BY at DESC""",
    },
    "blacklisted_suppliers": {
        "title": "清退名单及期限 Blacklisted suppliers and until when",
        "description": "被清退的供应商、原因与禁入截止时间（空为永久）。"
                       " Who, why, and until when (empty: permanent).",
        "sql": f"""SELECT b.supplier_id, b.supplier_name, b.credit_code, b.reason, b.decided_at,
  coalesce(b.ban_until, '永久 permanent') AS banned_until,
  CASE WHEN b.ban_until IS NULL OR julianday(b.ban_until) > julianday({NOW})
       THEN '禁入中 in force' ELSE '已到期 ended' END AS status
FROM blacklist b
ORDER BY b.decided_at DESC""",
    },
    "tenders_with_red_flags": {
        "title": "有风险预警的招标 Tenders with red flags",
        "description": "完整性筛查的风险信号所涉及的项目。 Tenders named by an integrity red flag.",
        "sql": """SELECT j.value AS tender_id, t.title, t.buyer, t.state_zh AS state, f.code, f.name_zh,
  f.name_en, f.supplier_ids
FROM red_flags f, json_each(f.tender_ids) j LEFT JOIN tenders t ON t.id = j.value
ORDER BY j.value, f.code""",
    },
}
