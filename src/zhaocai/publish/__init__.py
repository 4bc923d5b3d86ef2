"""Publication (公开): OCDS 1.1 release and record packages, and the public "sunshine" database.

Use it through `platform.publish` (a `PublishService`). The pieces are usable on their own:
`gather` reads public facts from the store into `TenderSnapshot`s, `tender_releases` turns a
snapshot into OCDS releases, `record_package` compiles them with ocdsmerge against the local
schema, `write_public_database` brings the SQLite file up to date in place (`refresh`), and
`search` queries its Chinese full-text index (jieba words).
"""

from zhaocai.publish.exactjson import dumps, loads
from zhaocai.publish.ocds import release_package, tender_releases
from zhaocai.publish.public_db import BlacklistDecision, public_rows, redact_evidence, write_public_database
from zhaocai.publish.records import compiled_release, extended_release_schema, merge_patch, record_package
from zhaocai.publish.search import document_terms, query_expression, search
from zhaocai.publish.settings import PublishSettings, validate_ocid_prefix
from zhaocai.publish.snapshot import TenderSnapshot

__all__ = [
    "BlacklistDecision",
    "PublishSettings",
    "TenderSnapshot",
    "compiled_release",
    "document_terms",
    "dumps",
    "extended_release_schema",
    "loads",
    "merge_patch",
    "public_rows",
    "query_expression",
    "record_package",
    "redact_evidence",
    "release_package",
    "search",
    "tender_releases",
    "validate_ocid_prefix",
    "write_public_database",
]
