"""The one-pass computation of the simple per-tender flags (`zhaocai.integrity.pertender`) gives
exactly the flags of each flag's own function, on random small histories and on a synthetic one."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from tests.properties.test_integrity_properties import histories
from zhaocai.integrity import FLAG_FUNCTIONS, FlagSettings, compute_flags, generate_history
from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.flags import supplier_map
from zhaocai.integrity.model import DEFAULT_SETTINGS, Flag, PreparedHistory
from zhaocai.integrity.pertender import FUSED_CODES, per_tender_flags
from zhaocai.integrity.report import flag_to_dict


def _dicts(flags: list[Flag]) -> list[dict[str, Any]]:
    return [flag_to_dict(f) for f in sorted(flags, key=lambda f: f.sort_key)]


def _agree(tenders: list[TenderFacts], suppliers: list[SupplierFacts],
           settings: FlagSettings = DEFAULT_SETTINGS) -> None:
    known = supplier_map(suppliers)
    fused = per_tender_flags(PreparedHistory(tenders), known, settings, FUSED_CODES)
    assert set(fused) == FUSED_CODES
    for code in FUSED_CODES:
        alone = FLAG_FUNCTIONS[code](PreparedHistory(tenders), known, settings)
        assert fused[code] == alone, code
        assert _dicts(fused[code]) == _dicts(alone), code
    every = [f for code, fn in FLAG_FUNCTIONS.items() for f in fn(tenders, known, settings)]
    assert _dicts(compute_flags(tenders, suppliers, settings)) == _dicts(every)


@given(histories())
def test_one_pass_equals_each_flag_function(
        history: tuple[list[TenderFacts], list[SupplierFacts]]) -> None:
    _agree(*history)
    _agree(*history, FlagSettings(r003_threshold_days=20, min_valid_bidders=4, r035_threshold=2,
                                  bid_security_cap_percent=1, rotation_min_tenders=2))


def test_one_pass_equals_each_flag_function_on_a_synthetic_history() -> None:
    history = generate_history(7, 400)
    _agree(history.tenders, history.suppliers)
