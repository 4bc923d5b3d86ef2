"""`zhaocai.testing`, the kit integrators test with: one copy (tests.kit re-exports it), valid
identifiers, and it runs on the runtime install alone."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from hypothesis import given
from hypothesis import strategies as st

import tests.kit
import zhaocai.testing
from zhaocai.identifiers import validate_credit_code
from zhaocai.testing import make_credit_code


def test_the_repository_tests_use_the_public_kit_itself() -> None:
    for name in zhaocai.testing.__all__:
        assert getattr(tests.kit, name) is getattr(zhaocai.testing, name), name


@given(st.integers(min_value=0, max_value=31**9 - 1))
def test_every_made_credit_code_is_valid_and_its_own(seed: int) -> None:
    code = make_credit_code(seed)
    assert validate_credit_code(code) == code
    assert make_credit_code((seed + 1) % 31**9) != code


def test_the_kit_needs_no_test_framework(tmp_path: object) -> None:
    """With pytest and hypothesis unimportable, the kit still builds a published tender."""
    script = textwrap.dedent(f"""
        import sys
        sys.modules["pytest"] = None
        sys.modules["hypothesis"] = None
        from datetime import datetime
        from zhaocai import SHANGHAI, ManualClock, Platform
        from zhaocai.keys import LocalKeys
        from zhaocai.testing import ACTORS, build_tender, ready

        clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
        platform = ready(Platform.open("sqlite:///{tmp_path}/kit.db", clock, keys=LocalKeys.generate()))
        tender = build_tender(platform, clock, "published", bidders=1, pool=0)
        assert platform.tenders.get(ACTORS["auditor"], tender.tender_id).state == "published"
        platform.close()
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
