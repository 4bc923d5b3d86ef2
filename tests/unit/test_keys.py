"""The platform's keys live outside the store: the store alone cannot forge a receipt.

The key provider (a key file, the environment, or any `KeyProvider` such as a KMS adapter)
holds the receipt-signing key and the identity-hash key; the store keeps only public halves.
"""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from nacl.signing import SigningKey
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from tests.kit import (
    ACTORS,
    application,
    bidders,
    build_tender,
    draft,
    kit_keys,
    payload,
    private_keys_in,
    published,
    refused,
    register_cast,
    snapshot,
)
from zhaocai.bidding.receipts import BidReceipt, ReceiptKind, ReceiptSigner, verify_receipt
from zhaocai.cli import app
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from zhaocai.keys import (
    IDENTITY_KEY_ENV,
    KEY_FILE_ENV,
    SIGNING_KEY_ENV,
    KeyProvider,
    LocalKeys,
    MissingKeys,
    default_keys,
    environment_keys,
    init_key_file,
    key_file,
    rotate_key_file,
)
from zhaocai.keys.export import export_store_keys
from zhaocai.platform import Platform
from zhaocai.store import normalise_url

cli = CliRunner()


def _signed_by(keys: KeyProvider, receipt: BidReceipt, **changes: Any) -> BidReceipt:
    """`receipt` with `changes`, signed afresh by `keys` (what a forger with that key makes)."""
    fields = receipt.model_dump() | changes
    return ReceiptSigner(keys).sign(ReceiptKind(fields["kind"]), tender_id=fields["tender_id"],
                                    bid_id=fields["bid_id"], supplier_id=fields["supplier_id"],
                                    version=fields["version"], received_at=fields["received_at"],
                                    envelope_hash=fields["envelope_hash"])


def _stored_receipts(url: str) -> list[dict[str, Any]]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return [json.loads(r[0]) for r in connection.execute(text("SELECT receipt FROM bid ORDER BY id"))]
    finally:
        engine.dispose()


def _no_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (KEY_FILE_ENV, SIGNING_KEY_ENV, IDENTITY_KEY_ENV):
        monkeypatch.delenv(name, raising=False)


# -- the store holds no secret --------------------------------------------------------------------


def test_after_a_whole_tender_the_store_holds_no_private_key(platform: Platform, clock: ManualClock) -> None:
    keys = kit_keys()
    assert platform.keys.receipt_public_key() == keys.receipt_public_key()  # the kit's key file
    tender = build_tender(platform, clock, "contracted", bidders=3)
    platform.evaluation.add_expert(ACTORS["admin"], {
        "id": "exp-keys", "name": "密钥专家", "specialties": ["materials"], "employer_id": "org-x",
        "identity_number": "330782197001011234",
        "related_persons": [{"name": "亲属", "identity_number": "330782197202021234"}]})
    assert tender.tender_id and _stored_receipts(platform.url)
    assert private_keys_in(platform.url, keys) == []


def test_the_scan_finds_a_key_written_in_any_form(platform: Platform) -> None:
    """The scan above can fail: a secret planted hex, base64 or raw is found."""
    keys = LocalKeys.generate()
    seed = bytes.fromhex(keys.secret_values()["receipt_signing_key"])
    for planted in (seed.hex(), base64.b64encode(seed).decode(), seed.hex().upper()):
        engine = create_engine(normalise_url(platform.url))
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM platform_setting WHERE name = 'planted'"))
            connection.execute(text("INSERT INTO platform_setting (name, value) VALUES ('planted', :v)"),
                               {"v": json.dumps({"x": planted})})
        engine.dispose()
        assert {(t, c) for t, c, _ in private_keys_in(platform.url, keys)} == {("platform_setting", "value")}


# -- receipts -------------------------------------------------------------------------------------


def test_a_receipt_verifies_with_the_public_key_and_no_other(platform: Platform, actors: dict,
                                                             clock: ManualClock) -> None:
    pub = published(platform, actors, clock)
    bidder = bidders(platform, actors, 1)[0]
    receipt = platform.tenders.submit_bid(bidder, pub.tender.id, payload("1500000.00"))
    public = platform.tenders.receipt_verify_key()
    assert receipt.verify_key == public == platform.keys.receipt_public_key().hex()
    assert verify_receipt(receipt, public) and platform.tenders.verify_receipt(receipt)
    assert platform.tenders.verify_receipt(_stored_receipts(platform.url)[0])

    # One who can write to the store swaps the envelope and re-signs the receipt with a key of
    # its own: under its own public key, or claiming the platform's. Neither verifies.
    forger = LocalKeys.generate()
    swapped = _signed_by(forger, receipt, envelope_hash="ab" * 32)
    assert verify_receipt(swapped, forger.receipt_public_key().hex())  # a valid signature, but...
    assert not verify_receipt(swapped, public) and not platform.tenders.verify_receipt(swapped)
    claimed = swapped.model_copy(update={"verify_key": public})
    assert not verify_receipt(claimed, public) and not platform.tenders.verify_receipt(claimed)
    naive = receipt.model_dump(mode="json") | {"received_at": receipt.received_at.replace(tzinfo=None).isoformat()}
    assert not platform.tenders.verify_receipt(naive) and not platform.tenders.verify_receipt({"x": 1})
    raw = SigningKey.generate()  # any Ed25519 key at all, not through a provider
    forged = receipt.model_copy(update={"signature": raw.sign(b"zhaocai-bid-receipt:v1\n").signature.hex()})
    assert not platform.tenders.verify_receipt(forged)
    # Written over the stored receipt, it still fails: the store's rows do not make a key.
    engine = create_engine(normalise_url(platform.url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE bid SET receipt = :r"), {"r": swapped.model_dump_json()})
    engine.dispose()
    assert not platform.tenders.verify_receipt(_stored_receipts(platform.url)[0])


_ONE_BID: dict[str, BidReceipt] = {}


@given(seed=st.binary(min_size=32, max_size=32), field=st.sampled_from(["envelope_hash", "version", "none"]))
def test_no_key_but_the_providers_makes_a_receipt_the_platform_accepts(
        platform: Platform, clock: ManualClock, seed: bytes, field: str) -> None:
    """Any Ed25519 key at all, re-signing a stored receipt changed or not, under its own public
    key or claiming the platform's: the platform's verification refuses it."""
    if platform.url not in _ONE_BID:  # one bid per store (the fixture is per test, not per example)
        pub = published(platform, ACTORS, clock)
        bidder = bidders(platform, ACTORS, 1)[0]
        _ONE_BID[platform.url] = platform.tenders.submit_bid(bidder, pub.tender.id, payload("1500000.00"))
    receipt = _ONE_BID[platform.url]
    forger = LocalKeys(seed, bytes(32), "a forger")
    assume(forger.receipt_public_key() != platform.keys.receipt_public_key())
    change = {"envelope_hash": {"envelope_hash": "cd" * 32}, "version": {"version": receipt.version + 1},
              "none": {}}[field]
    forged = _signed_by(forger, receipt, **change)
    assert not platform.tenders.verify_receipt(forged)
    assert not platform.tenders.verify_receipt(forged.model_copy(update={"verify_key": receipt.verify_key}))
    assert platform.tenders.verify_receipt(receipt)


# -- the key file ---------------------------------------------------------------------------------


def test_a_key_file_is_created_owner_only_and_refused_when_others_may_read_it(tmp_path: Path) -> None:
    path = tmp_path / "platform.keys"
    made = init_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert key_file(path).receipt_public_key() == made.receipt_public_key()
    with pytest.raises(ConflictError) as exists:
        init_key_file(path)
    assert exists.value.code == "keys.file_exists" and key_file(path).receipt_public_key() == made.receipt_public_key()
    for mode in (0o644, 0o640, 0o604, 0o660):
        path.chmod(mode)
        with pytest.raises(PermissionDenied) as info:
            key_file(path)
        assert info.value.code == "keys.file_permissions" and info.value.details["mode"] == f"{mode:04o}"
        assert "600" in info.value.message_zh
    path.chmod(0o600)
    path.write_text('{"format": "zhaocai-keys/1", "receipt_signing_key": "zz"}')
    with pytest.raises(ValidationError) as bad:
        key_file(path)
    assert bad.value.code == "keys.file_invalid"
    with pytest.raises(NotFoundError) as missing:
        key_file(tmp_path / "none.keys")
    assert missing.value.code == "keys.missing"


def test_a_world_readable_key_file_is_refused_at_opening_and_by_the_cli(
        db_url: str, clock: ManualClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "open.keys"
    init_key_file(path, kit_keys())
    path.chmod(0o644)
    monkeypatch.setenv(KEY_FILE_ENV, str(path))
    with pytest.raises(PermissionDenied) as info:
        Platform.open(db_url, clock=clock)
    assert info.value.code == "keys.file_permissions"
    result = cli.invoke(app, ["verify", "--db", db_url])
    assert result.exit_code == 4 and "keys.file_permissions" in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_sqlite_store_finds_or_makes_its_key_file_beside_it(tmp_path: Path, clock: ManualClock,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _no_key_env(monkeypatch)
    url = f"sqlite:///{tmp_path / 'own.db'}"
    beside = tmp_path / "own.db.keys"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        assert platform.keys.where == f"key file {beside}"
        platform.suppliers.register(ACTORS["purchasing"], application("旁置密钥", seed=41))
        first = platform.tenders.receipt_verify_key()
    assert stat.S_IMODE(beside.stat().st_mode) == 0o600
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        assert platform.tenders.receipt_verify_key() == first  # found again, not made anew
        assert platform.audit.verify().ok
    assert private_keys_in(url, key_file(beside)) == []


def test_a_store_that_used_keys_is_not_given_new_ones(tmp_path: Path, clock: ManualClock,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The key file lost: no new one is made (its identity hashes would not match); the platform
    opens, and what needs a key is refused with `keys.missing`, changing nothing."""
    _no_key_env(monkeypatch)
    url = f"sqlite:///{tmp_path / 'lost.db'}"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        pub = published(platform, ACTORS, clock)
        bidder = bidders(platform, ACTORS, 1)[0]
    (tmp_path / "lost.db.keys").unlink()
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        assert isinstance(platform.keys, MissingKeys) and not (tmp_path / "lost.db.keys").exists()
        assert platform.audit.verify().ok and platform.tenders.receipt_verify_key()  # no secret needed
        error = refused(platform, NotFoundError, "keys.missing", platform.tenders.submit_bid, bidder,
                        pub.tender.id, payload("1500000.00"))
        assert error.details["looked"] == [f"key file {tmp_path / 'lost.db.keys'}"]
        refused(platform, NotFoundError, "keys.missing", platform.suppliers.register, ACTORS["purchasing"],
                application("无钥", seed=42))
    result = cli.invoke(app, ["keys", "public", "--db", url])
    assert result.exit_code == 0
    ticked = cli.invoke(app, ["tick", "--db", url])
    assert ticked.exit_code == 0


def test_without_any_key_a_command_that_needs_one_is_a_coded_error(db_url: str, clock: ManualClock,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A store that has used keys, opened where none is found (no key file beside a SQLite
    store, no variable for a PostgreSQL one): coded refusals, no traceback, nothing changed."""
    with Platform.open(db_url, clock=clock, keys=kit_keys()) as platform:
        register_cast(platform)
        platform.suppliers.register(ACTORS["purchasing"], application("有钥", seed=46))
    _no_key_env(monkeypatch)
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        assert isinstance(platform.keys, MissingKeys)
        error = refused(platform, NotFoundError, "keys.missing", platform.tenders.receipt_verify_key)
        assert KEY_FILE_ENV in error.message_en and error.details["how"] and error.message_zh
        refused(platform, NotFoundError, "keys.missing", platform.suppliers.register, ACTORS["purchasing"],
                application("无钥", seed=43))
        refused(platform, NotFoundError, "keys.missing", platform.tenders.publish, ACTORS["purchasing"],
                platform.tenders.create_draft(ACTORS["purchasing"], draft(clock)).id)
    result = cli.invoke(app, ["keys", "public", "--db", db_url])
    assert result.exit_code == 4 and "keys.missing" in result.output
    assert isinstance(result.exception, SystemExit)
    assert default_keys("sqlite://", may_create=True).where.startswith("no key found")


def test_the_wrong_identity_key_is_refused(db_url: str, clock: ManualClock, tmp_path: Path) -> None:
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        platform.suppliers.register(ACTORS["purchasing"], application("身份键", seed=44))
    other = LocalKeys.generate()
    before = snapshot(db_url)
    with pytest.raises(ConflictError) as info:
        Platform.open(db_url, clock=clock, keys=other)
    assert info.value.code == "keys.identity_mismatch" and snapshot(db_url) == before


# -- the environment ------------------------------------------------------------------------------


def test_keys_from_the_environment(db_url: str, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_key_env(monkeypatch)
    keys = kit_keys().secret_values()
    monkeypatch.setenv(SIGNING_KEY_ENV, keys["receipt_signing_key"])
    with pytest.raises(NotFoundError) as partial:
        default_keys(db_url, may_create=False)
    assert partial.value.code == "keys.missing" and partial.value.details["looked"] == [f"environment {IDENTITY_KEY_ENV}"]
    monkeypatch.setenv(IDENTITY_KEY_ENV, "not hex")
    with pytest.raises(ValidationError) as bad:
        environment_keys()
    assert bad.value.code == "keys.env_invalid" and "not hex" not in bad.value.message_en
    monkeypatch.setenv(IDENTITY_KEY_ENV, keys["identity_hmac_key"])
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        assert platform.keys.where.startswith("environment")
        assert platform.keys.receipt_public_key() == kit_keys().receipt_public_key()
        platform.suppliers.register(ACTORS["purchasing"], application("环境变量", seed=45))
    assert private_keys_in(db_url, kit_keys()) == []


# -- a provider that never shows its keys (as a KMS adapter) --------------------------------------


class SealedProvider:
    """A provider as a KMS adapter would be: it signs and hashes, and has no way to export."""

    def __init__(self) -> None:
        inner = LocalKeys.generate()
        self.sign_receipt = inner.sign_receipt
        self.identity_hash = inner.identity_hash
        self.receipt_public_key = inner.receipt_public_key
        self.signed = 0

    @property
    def where(self) -> str:
        return "kms:alias/zhaocai-test"


def test_any_key_provider_will_do(db_url: str, clock: ManualClock) -> None:
    provider = SealedProvider()
    assert isinstance(provider, KeyProvider) and not hasattr(provider, "secret_values")
    with Platform.open(db_url, clock=clock, keys=provider) as platform:
        register_cast(platform)
        pub = published(platform, ACTORS, clock)
        bidder = bidders(platform, ACTORS, 1)[0]
        receipt = platform.tenders.submit_bid(bidder, pub.tender.id, payload("1500000.00"))
        assert receipt.verify_key == provider.receipt_public_key().hex()
        assert platform.tenders.verify_receipt(receipt)


# -- rotation -------------------------------------------------------------------------------------


def test_rotation_keeps_old_receipts_valid(db_url: str, clock: ManualClock, tmp_path: Path) -> None:
    path = tmp_path / "rotating.keys"
    old = init_key_file(path, kit_keys())
    with Platform.open(db_url, clock=clock, keys=old) as platform:
        register_cast(platform)
        pub = published(platform, ACTORS, clock)
        first, second = bidders(platform, ACTORS, 2)
        clock.advance(hours=1)
        before = platform.tenders.submit_bid(first, pub.tender.id, payload("1500000.00"))
    clock.advance(hours=1)
    rotated_at = clock.now()
    new = rotate_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert new.receipt_public_key() != old.receipt_public_key()
    assert new.identity_hash(b"x") == old.identity_hash(b"x")  # the identity key is kept
    with Platform.open(db_url, clock=clock, keys=new) as platform:  # the rotation is registered
        register_cast(platform)
        history = platform.tenders.receipt_keys()
        assert [k.verify_key for k in history] == [old.receipt_public_key().hex(), new.receipt_public_key().hex()]
        assert history[0].valid_until == rotated_at == history[1].valid_from and history[1].valid_until is None
        assert platform.tenders.receipt_verify_key() == new.receipt_public_key().hex()
        clock.advance(hours=1)
        after = platform.tenders.submit_bid(second, pub.tender.id, payload("1490000.00"))
        assert after.verify_key == new.receipt_public_key().hex()
        assert platform.tenders.verify_receipt(before) and platform.tenders.verify_receipt(after)
        assert verify_receipt(before, old.receipt_public_key().hex())
        # The old key, stolen after its period ended, cannot sign a receipt dated later.
        late = _signed_by(old, before, received_at=clock.now())
        assert verify_receipt(late, old.receipt_public_key().hex())
        assert not platform.tenders.verify_receipt(late)
        events = [e.action for e in platform.audit.events("receipt_key", new.receipt_public_key().hex())]
        assert events == ["platform.receipt_key"]
    # A retired key is not taken back.
    before_snapshot = snapshot(db_url)
    with pytest.raises(ConflictError) as info:
        Platform.open(db_url, clock=clock, keys=old)
    assert info.value.code == "keys.receipt_key_retired" and snapshot(db_url) == before_snapshot


def test_the_cli_prints_and_rotates_the_receipt_key(tmp_path: Path, clock: ManualClock,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _no_key_env(monkeypatch)
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    path = tmp_path / "cli.db.keys"
    with Platform.open(url, clock=clock) as platform:
        register_cast(platform)
        pub = published(platform, ACTORS, clock)
        receipt = platform.tenders.submit_bid(bidders(platform, ACTORS, 1)[0], pub.tender.id, payload("9.00"))
    shown = cli.invoke(app, ["keys", "public", "--db", url])
    assert shown.exit_code == 0 and shown.stdout.splitlines()[0] == receipt.verify_key
    rotated = cli.invoke(app, ["keys", "rotate", "--db", url, "--key-file", str(path)])
    assert rotated.exit_code == 0, rotated.stdout
    listed = json.loads(cli.invoke(app, ["keys", "public", "--db", url, "--json"]).stdout)
    assert listed["receipt_key"] == key_file(path).receipt_public_key().hex() != receipt.verify_key
    assert [k["verify_key"] for k in listed["keys"]] == [receipt.verify_key, listed["receipt_key"]]
    saved = tmp_path / "receipt.json"
    saved.write_text(receipt.model_dump_json())
    assert cli.invoke(app, ["verify-receipt", str(saved), "--db", url]).exit_code == 0
    assert cli.invoke(app, ["verify-receipt", str(saved), "--key", receipt.verify_key]).exit_code == 0
    assert cli.invoke(app, ["verify-receipt", str(saved), "--key", listed["receipt_key"]]).exit_code == 1
    made = cli.invoke(app, ["keys", "init", "--key-file", str(tmp_path / "fresh.keys")])
    assert made.exit_code == 0 and stat.S_IMODE((tmp_path / "fresh.keys").stat().st_mode) == 0o600
    again = cli.invoke(app, ["keys", "init", "--key-file", str(tmp_path / "fresh.keys")])
    assert again.exit_code == 4 and "keys.file_exists" in again.output


# -- the export of an older store's keys ----------------------------------------------------------


def test_the_export_moves_the_keys_once_and_never_overwrites_another_file(
        db_url: str, clock: ManualClock, tmp_path: Path) -> None:
    """A store holding its secrets as stores before 0.2 did (rows of `platform_setting`)."""
    Platform.open(db_url, clock=clock, keys=kit_keys()).close()
    old = LocalKeys.generate()
    engine = create_engine(normalise_url(db_url))
    with engine.begin() as connection:
        for name, value in (("bidding.receipt_signing_key", {"seed": old.secret_values()["receipt_signing_key"]}),
                            ("suppliers.identity_hmac_key", {"hex": old.secret_values()["identity_hmac_key"]})):
            connection.execute(text("INSERT INTO platform_setting (name, value) VALUES (:n, :v)"),
                               {"n": name, "v": json.dumps(value)})
    engine.dispose()
    assert len(private_keys_in(db_url, old)) >= 2
    error = refused(SimpleNamespace(url=db_url), ConflictError, "keys.in_store", Platform.open, db_url,
                    clock=clock)
    assert "zhaocai keys export" in error.message_zh

    other = tmp_path / "other.keys"
    init_key_file(other)
    refused(SimpleNamespace(url=db_url), ConflictError, "keys.file_exists", export_store_keys, db_url,
            other, clock)
    path = tmp_path / "moved.keys"
    done = export_store_keys(db_url, path, clock)
    assert done.removed == ["bidding.receipt_signing_key", "suppliers.identity_hmac_key"]
    assert done.verify_key == old.receipt_public_key().hex() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert private_keys_in(db_url, old) == []
    with Platform.open(db_url, clock=clock, keys=key_file(path)) as platform:
        register_cast(platform)
        assert platform.tenders.receipt_verify_key() == old.receipt_public_key().hex()
        (export,) = platform.audit.events("platform_setting", "keys")
        assert export.action == "platform.keys_export" and json.loads(export.change)["removed"] == done.removed
        assert platform.audit.verify().ok
