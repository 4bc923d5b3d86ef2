-- zhaocai 0.1.0 store (the 0.1.0 demo's rows), made by tests/data/make_store_0_1_0.py
CREATE TABLE audit_event (
    seq bigint NOT NULL,
    at text NOT NULL,
    actor_id text NOT NULL,
    action text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    change text NOT NULL,
    digest text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

CREATE TABLE award (
    id text NOT NULL,
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    bid_id text NOT NULL,
    supplier_id text NOT NULL,
    amount_fen bigint NOT NULL,
    rank integer NOT NULL,
    removed text NOT NULL,
    notice text NOT NULL,
    awarded_at timestamp with time zone NOT NULL,
    awarded_by text NOT NULL
);

CREATE TABLE bid (
    id text NOT NULL,
    tender_id text NOT NULL,
    supplier_id text NOT NULL,
    version integer NOT NULL,
    status text NOT NULL,
    envelope text NOT NULL,
    envelope_hash text NOT NULL,
    received_at timestamp with time zone NOT NULL,
    confirmed_through integer NOT NULL,
    receipt text NOT NULL,
    withdrawn_at timestamp with time zone
);

CREATE TABLE contract (
    id text NOT NULL,
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    award_id text NOT NULL,
    bid_id text NOT NULL,
    supplier_id text NOT NULL,
    amount_fen bigint NOT NULL,
    status text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sign_by timestamp with time zone NOT NULL,
    buyer_signed_by text,
    buyer_signed_at timestamp with time zone,
    supplier_signed_by text,
    supplier_signed_at timestamp with time zone
);

CREATE TABLE evaluation (
    tender_id text NOT NULL,
    compliance_at timestamp with time zone,
    compliance_by text,
    report_at timestamp with time zone,
    report_by text,
    report_digest text,
    publicity_starts timestamp with time zone,
    publicity_ends timestamp with time zone,
    awarded_at timestamp with time zone,
    publicity_noted_at timestamp with time zone,
    inquiry_record_hash text
);

CREATE TABLE evaluation_committee (
    tender_id text NOT NULL,
    opening_digest text NOT NULL,
    draw_time text NOT NULL,
    seed_hex text NOT NULL,
    category text NOT NULL,
    size integer NOT NULL,
    drafter_id text NOT NULL,
    inputs text NOT NULL,
    members text NOT NULL,
    representatives text NOT NULL,
    recusals text NOT NULL,
    withdrawn text NOT NULL,
    drawn_by text NOT NULL,
    drawn_at timestamp with time zone NOT NULL
);

CREATE TABLE evaluation_entry (
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    bid_id text NOT NULL,
    supplier_id text NOT NULL,
    content_hash text NOT NULL,
    price_fen bigint,
    compliant boolean NOT NULL,
    reasons text NOT NULL,
    abnormal text,
    abnormal_decision text,
    explanation text,
    decided_by text,
    adjustments text NOT NULL,
    evaluated_fen bigint,
    price_score text,
    technical text,
    commercial text,
    total text,
    criteria text,
    rank integer,
    lottery_key text,
    ranked_by text
);

CREATE TABLE evaluation_finding (
    id text NOT NULL,
    tender_id text NOT NULL,
    bid_id text NOT NULL,
    lot_id text,
    en text NOT NULL,
    zh text NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);

CREATE TABLE evaluation_lot (
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    title text NOT NULL,
    status text NOT NULL,
    compliant integer NOT NULL,
    failure_reason text,
    benchmark_fen bigint,
    candidates text,
    outliers text
);

CREATE TABLE evaluation_member (
    tender_id text NOT NULL,
    member_id text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    "position" integer NOT NULL,
    active boolean NOT NULL,
    declared_at timestamp with time zone,
    statement text
);

CREATE TABLE evaluation_objection (
    id text NOT NULL,
    tender_id text NOT NULL,
    lot_id text,
    supplier_id text NOT NULL,
    raised_by text NOT NULL,
    raised_at timestamp with time zone NOT NULL,
    text text NOT NULL,
    answer text,
    answered_by text,
    answered_at timestamp with time zone
);

CREATE TABLE evaluation_removal (
    id text NOT NULL,
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    bid_id text NOT NULL,
    code text NOT NULL,
    en text NOT NULL,
    zh text NOT NULL,
    proposed_by text NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    approved_by text,
    approved_at timestamp with time zone
);

CREATE TABLE evaluation_score (
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    bid_id text NOT NULL,
    criterion_id text NOT NULL,
    member_id text NOT NULL,
    points_centi bigint NOT NULL
);

CREATE TABLE evaluation_security (
    tender_id text NOT NULL,
    supplier_id text NOT NULL,
    paid_fen bigint NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);

CREATE TABLE evaluation_sheet (
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    member_id text NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    digest text NOT NULL,
    bids integer NOT NULL
);

CREATE TABLE expert (
    id text NOT NULL,
    name text NOT NULL,
    specialties text NOT NULL,
    employer_id text,
    person_hashes text NOT NULL,
    relatives_at text NOT NULL,
    active boolean NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

CREATE TABLE idempotency (
    key text NOT NULL,
    actor_id text NOT NULL,
    action text NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    result text,
    request_digest text
);

CREATE TABLE inquiry_override (
    id text NOT NULL,
    tender_id text NOT NULL,
    lot_id text NOT NULL,
    supplier_id text NOT NULL,
    reason text NOT NULL,
    proposed_by text NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    approved_by text,
    approved_at timestamp with time zone
);

CREATE TABLE inquiry_signature (
    tender_id text NOT NULL,
    officer_id text NOT NULL,
    signed_at timestamp with time zone NOT NULL
);

CREATE TABLE opened_bid (
    tender_id text NOT NULL,
    bid_id text NOT NULL,
    supplier_id text NOT NULL,
    version integer NOT NULL,
    received_at timestamp with time zone NOT NULL,
    envelope_hash text NOT NULL,
    status text NOT NULL,
    reason text,
    technical text,
    payload text,
    total_fen bigint,
    technical_compliant boolean,
    compliance_note text
);

CREATE TABLE outbox_event (
    "position" bigint NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    audit_seq bigint NOT NULL,
    payload text NOT NULL
);

CREATE SEQUENCE outbox_event_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE outbox_event_position_seq OWNED BY outbox_event."position";

CREATE TABLE platform_setting (
    name text NOT NULL,
    value text NOT NULL
);

CREATE TABLE supplier (
    id text NOT NULL,
    credit_code text NOT NULL,
    name text NOT NULL,
    legal_representative text NOT NULL,
    address text NOT NULL,
    contacts text NOT NULL,
    bank_name text NOT NULL,
    bank_account text NOT NULL,
    ceiling_fen bigint NOT NULL,
    admission text NOT NULL,
    standing text,
    round integer NOT NULL,
    registered_by text NOT NULL,
    registered_at timestamp with time zone NOT NULL,
    admitted_at timestamp with time zone,
    ban_until timestamp with time zone,
    import_batch text,
    import_row integer
);

CREATE TABLE supplier_category (
    supplier_id text NOT NULL,
    category text NOT NULL,
    admitted boolean NOT NULL,
    lapsed_at timestamp with time zone
);

CREATE TABLE supplier_category_policy (
    category text NOT NULL,
    requirements text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

CREATE TABLE supplier_inspection (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    round integer NOT NULL,
    inspectors text NOT NULL,
    report text NOT NULL,
    passed boolean NOT NULL,
    at timestamp with time zone NOT NULL
);

CREATE SEQUENCE supplier_inspection_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_inspection_id_seq OWNED BY supplier_inspection.id;

CREATE TABLE supplier_link (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    kind text NOT NULL,
    value text NOT NULL,
    label text NOT NULL
);

CREATE SEQUENCE supplier_link_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_link_id_seq OWNED BY supplier_link.id;

CREATE TABLE supplier_performance_event (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    contract_id text NOT NULL,
    kind text NOT NULL,
    severity integer NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_by text NOT NULL,
    note text NOT NULL
);

CREATE SEQUENCE supplier_performance_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_performance_event_id_seq OWNED BY supplier_performance_event.id;

CREATE TABLE supplier_performance_period (
    id text NOT NULL,
    kind text NOT NULL,
    label text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone NOT NULL,
    closed_by text NOT NULL,
    scored integer NOT NULL
);

CREATE TABLE supplier_person (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    role text NOT NULL,
    name text NOT NULL,
    id_hash text NOT NULL
);

CREATE SEQUENCE supplier_person_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_person_id_seq OWNED BY supplier_person.id;

CREATE TABLE supplier_qualification (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    type text NOT NULL,
    grade text NOT NULL,
    number text NOT NULL,
    issuer text NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_until timestamp with time zone NOT NULL
);

CREATE SEQUENCE supplier_qualification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_qualification_id_seq OWNED BY supplier_qualification.id;

CREATE TABLE supplier_request (
    id text NOT NULL,
    supplier_id text NOT NULL,
    kind text NOT NULL,
    state text NOT NULL,
    reason text NOT NULL,
    evidence text NOT NULL,
    ban_days integer,
    requested_by text NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    approvals text NOT NULL,
    decided_at timestamp with time zone,
    previous_standing text,
    appeal text
);

CREATE TABLE supplier_review (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    round integer NOT NULL,
    department text NOT NULL,
    reviewer_id text NOT NULL,
    passed boolean NOT NULL,
    comment text NOT NULL,
    at timestamp with time zone NOT NULL
);

CREATE SEQUENCE supplier_review_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_review_id_seq OWNED BY supplier_review.id;

CREATE TABLE supplier_scorecard (
    period_id text NOT NULL,
    supplier_id text NOT NULL,
    delivery integer NOT NULL,
    quality integer NOT NULL,
    safety integer NOT NULL,
    service integer NOT NULL,
    compliance integer NOT NULL,
    total_centi integer NOT NULL,
    grade text NOT NULL,
    events integer NOT NULL
);

CREATE TABLE supplier_standing_change (
    id bigint NOT NULL,
    supplier_id text NOT NULL,
    from_standing text,
    to_standing text NOT NULL,
    reason text NOT NULL,
    actor_id text NOT NULL,
    at timestamp with time zone NOT NULL,
    audit_seq bigint NOT NULL
);

CREATE SEQUENCE supplier_standing_change_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE supplier_standing_change_id_seq OWNED BY supplier_standing_change.id;

CREATE TABLE tender (
    id text NOT NULL,
    title text NOT NULL,
    buyer text NOT NULL,
    category text NOT NULL,
    method text NOT NULL,
    state text NOT NULL,
    created_by text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    estimate_fen bigint NOT NULL,
    ceiling_fen bigint NOT NULL,
    bid_security_fen bigint NOT NULL,
    deadline timestamp with time zone NOT NULL,
    lots text NOT NULL,
    evaluation text NOT NULL,
    profile text NOT NULL,
    invitees text NOT NULL,
    officers text NOT NULL,
    custodians text NOT NULL,
    threshold integer NOT NULL,
    two_envelopes boolean NOT NULL,
    amendments integer NOT NULL,
    published_at timestamp with time zone,
    published_by text,
    original_deadline timestamp with time zone,
    rules_digest text,
    public_key text,
    closed_at timestamp with time zone,
    opened_at timestamp with time zone,
    commercial_opened_at timestamp with time zone,
    compliance_decided_at timestamp with time zone,
    cancel_requested_by text,
    cancel_requested_reason text,
    outcome_reason text,
    retender_of text
);

CREATE TABLE tender_amendment (
    id text NOT NULL,
    tender_id text NOT NULL,
    seq integer NOT NULL,
    kind text NOT NULL,
    text text NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    issued_by text NOT NULL,
    deadline_before timestamp with time zone NOT NULL,
    deadline_after timestamp with time zone NOT NULL,
    requires_reconfirmation boolean NOT NULL
);

CREATE TABLE tender_opening (
    tender_id text NOT NULL,
    stage text NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    opened_by text NOT NULL,
    record text NOT NULL,
    digest text NOT NULL
);

ALTER TABLE ONLY outbox_event ALTER COLUMN "position" SET DEFAULT nextval('outbox_event_position_seq'::regclass);

ALTER TABLE ONLY supplier_inspection ALTER COLUMN id SET DEFAULT nextval('supplier_inspection_id_seq'::regclass);

ALTER TABLE ONLY supplier_link ALTER COLUMN id SET DEFAULT nextval('supplier_link_id_seq'::regclass);

ALTER TABLE ONLY supplier_performance_event ALTER COLUMN id SET DEFAULT nextval('supplier_performance_event_id_seq'::regclass);

ALTER TABLE ONLY supplier_person ALTER COLUMN id SET DEFAULT nextval('supplier_person_id_seq'::regclass);

ALTER TABLE ONLY supplier_qualification ALTER COLUMN id SET DEFAULT nextval('supplier_qualification_id_seq'::regclass);

ALTER TABLE ONLY supplier_review ALTER COLUMN id SET DEFAULT nextval('supplier_review_id_seq'::regclass);

ALTER TABLE ONLY supplier_standing_change ALTER COLUMN id SET DEFAULT nextval('supplier_standing_change_id_seq'::regclass);

INSERT INTO audit_event VALUES
	(1, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-ed6679e458a144c4', '{"address":"浙江省义乌市工业路100号","bank_account":"6228 0579 00000100","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"3000000.00","contacts":[{"email":"sales100@example.cn","name":"联系人100","phone":"13905790100"}],"credit_code":"91330782730000000N","legal_representative":"法人100","legal_representative_id":{"hmac":"66fade6d6a1c22bfef87678744b700c15bc74b38ac96e9e10b2b40f2b316c240"},"name":"义乌钢联建材有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-100","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-100","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', '2d653bdc937a4612b5f9c64f597f11bba74c16d8eebb81f4b7d5f0e67db6c634', '0000000000000000000000000000000000000000000000000000000000000000', 'c0933b0f718494131d8773cab7987930076958c0abf137708dd8df285bbc5ec8'),
	(2, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-ed6679e458a144c4', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'c0933b0f718494131d8773cab7987930076958c0abf137708dd8df285bbc5ec8', 'b8c3c294a019488b5d72e283b25594a35952602e6871a3dbea9b05cbd8bc2867'),
	(3, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-ed6679e458a144c4', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', 'b8c3c294a019488b5d72e283b25594a35952602e6871a3dbea9b05cbd8bc2867', '4e5809b858b8dc3903de492ee85e5873917ccf8706e8847e9d7de4565e999eed'),
	(4, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-ed6679e458a144c4', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}', '43468246701a8ccbb9df12e1e3e4c00546f0b6e9f865bff4e7e39e12df3bef82', '4e5809b858b8dc3903de492ee85e5873917ccf8706e8847e9d7de4565e999eed', '6d5b569474296b5ba1be1c2c34836fe377de27fbe53564ab29bfe45e1700ec07'),
	(5, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.inspect', 'supplier', 'sup-ed6679e458a144c4', '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}', '00414982c55dbe7f6655f2746098717693bca8d188fa473b44bc759ddc2cb9c7', '6d5b569474296b5ba1be1c2c34836fe377de27fbe53564ab29bfe45e1700ec07', 'ac6896f0609191ec02c145d22c824a0b911d65c254de52f9535cd4129ca99428'),
	(6, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-ed6679e458a144c4', '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}', 'b5ddabbf337f7d2546b35521885af144aa996e29b92f78e3828ab3eab0920706', 'ac6896f0609191ec02c145d22c824a0b911d65c254de52f9535cd4129ca99428', '051cdcca498327ceaea9c2aa399617e1aea0edae1139dfcb95627c8271c34e9b'),
	(7, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-ed6679e458a144c4', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '051cdcca498327ceaea9c2aa399617e1aea0edae1139dfcb95627c8271c34e9b', '253e6edefaf7a9b884f8862d4227f731249c06f81bf4d72ad6578bea29e7f79e'),
	(8, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-f7fc0cd2fb654da9', '{"address":"浙江省义乌市工业路101号","bank_account":"6228 0579 00000101","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"3000000.00","contacts":[{"email":"sales101@example.cn","name":"联系人101","phone":"13905790101"}],"credit_code":"913307828300000002","legal_representative":"法人101","legal_representative_id":{"hmac":"2a034645166ee2d04bb5750e1b948c29f9be1e299d9bb62ded1212db694cd3a9"},"name":"浙中水泥制品有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-101","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-101","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'b21e2a10f5723ab328ff42b05d3eebea646579282cf1d42752cfad840eb36f26', '253e6edefaf7a9b884f8862d4227f731249c06f81bf4d72ad6578bea29e7f79e', 'eba3332385820258354fdd2196409af0e9ae97bf88ae9d5c1ac5e4e82d4412b8'),
	(9, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-f7fc0cd2fb654da9', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'eba3332385820258354fdd2196409af0e9ae97bf88ae9d5c1ac5e4e82d4412b8', '9c0b4b12fe51b00bc8ec234c0a3014376f0cfb980610b078e9bc8afd582224dc'),
	(10, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-f7fc0cd2fb654da9', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '9c0b4b12fe51b00bc8ec234c0a3014376f0cfb980610b078e9bc8afd582224dc', '36e6427abc9324a18ad32d998d889179874635321e8ae184641c23fe4cc09304'),
	(11, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-f7fc0cd2fb654da9', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}', '43468246701a8ccbb9df12e1e3e4c00546f0b6e9f865bff4e7e39e12df3bef82', '36e6427abc9324a18ad32d998d889179874635321e8ae184641c23fe4cc09304', '866ab8451b2a260f1e48789bd754f57c8458efc0ba5757264d37cdad69aa701b'),
	(12, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.inspect', 'supplier', 'sup-f7fc0cd2fb654da9', '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}', '00414982c55dbe7f6655f2746098717693bca8d188fa473b44bc759ddc2cb9c7', '866ab8451b2a260f1e48789bd754f57c8458efc0ba5757264d37cdad69aa701b', '91811298f98111bf083a80e059a577e6113ed9d4a92c2ab3bfceba27428a88ff'),
	(13, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-f7fc0cd2fb654da9', '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}', 'b5ddabbf337f7d2546b35521885af144aa996e29b92f78e3828ab3eab0920706', '91811298f98111bf083a80e059a577e6113ed9d4a92c2ab3bfceba27428a88ff', '2f30483104b3d1ba1b6cb0468ee82c769b6e7847ca339ab29139fd98a8232408'),
	(14, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-f7fc0cd2fb654da9', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '2f30483104b3d1ba1b6cb0468ee82c769b6e7847ca339ab29139fd98a8232408', '4f49d981c3903f9655336b88d681237b8f7aa171d9de638052e353e98577a192'),
	(15, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-310ab7d4022e4524', '{"address":"浙江省义乌市工业路102号","bank_account":"6228 0579 00000102","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"3000000.00","contacts":[{"email":"sales102@example.cn","name":"联系人102","phone":"13905790102"}],"credit_code":"91330782930000000D","legal_representative":"法人102","legal_representative_id":{"hmac":"864a597f727641b5fbfde6f738d1827a1a9f889f540fce5f4d849b1fbbe9cbdd"},"name":"金华恒通管业有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-102","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-102","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'f307f5d89d845a3d10cee8bf4acfa42f668a1343aa781b376b22c393801605a4', '4f49d981c3903f9655336b88d681237b8f7aa171d9de638052e353e98577a192', '22ce429534e68a08ca1a2559df7b3473e6416d08edf23a0ec15512e658e5b622'),
	(16, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-310ab7d4022e4524', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', '22ce429534e68a08ca1a2559df7b3473e6416d08edf23a0ec15512e658e5b622', 'ac9159e12998942533134b812a1b5910dad48ff1a7e6a9ab28fa0143c3545b21'),
	(17, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-310ab7d4022e4524', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', 'ac9159e12998942533134b812a1b5910dad48ff1a7e6a9ab28fa0143c3545b21', 'a6e0cecc4902fd244de9cb7e66cd20c01e84a351085528b617f986060576f431'),
	(18, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-310ab7d4022e4524', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}', '43468246701a8ccbb9df12e1e3e4c00546f0b6e9f865bff4e7e39e12df3bef82', 'a6e0cecc4902fd244de9cb7e66cd20c01e84a351085528b617f986060576f431', '7edcd9c2ba97dac1f2a21f442aac02de9bfccb34c6da24efeee6566897b78185'),
	(19, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.inspect', 'supplier', 'sup-310ab7d4022e4524', '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}', '00414982c55dbe7f6655f2746098717693bca8d188fa473b44bc759ddc2cb9c7', '7edcd9c2ba97dac1f2a21f442aac02de9bfccb34c6da24efeee6566897b78185', 'b5864342d085ac97532cd6f5803a305771680b907ecda55e4407c3e350ca31cc'),
	(20, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-310ab7d4022e4524', '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}', 'b5ddabbf337f7d2546b35521885af144aa996e29b92f78e3828ab3eab0920706', 'b5864342d085ac97532cd6f5803a305771680b907ecda55e4407c3e350ca31cc', '7101b25b47f4f05fc3f52624f8b01fbdbf0d7ce2326a938232e1338baa05fc41'),
	(21, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-310ab7d4022e4524', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '7101b25b47f4f05fc3f52624f8b01fbdbf0d7ce2326a938232e1338baa05fc41', '12f5f9632e1a0fb18a0bc5f513047c3873b5d35fbae9a51ec81f0b23ec5b3baa'),
	(22, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-76f83fc14410465b', '{"address":"浙江省义乌市工业路103号","bank_account":"6228 0579 00000103","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"3000000.00","contacts":[{"email":"sales103@example.cn","name":"联系人103","phone":"13905790103"}],"credit_code":"91330782A30000000Q","legal_representative":"法人103","legal_representative_id":{"hmac":"3939190fde01958cf7d98abc0a8d03324771257601c0c99c1adc6af6e49e71ad"},"name":"稠州五金机电有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-103","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-103","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'c41dbd6e8de12b59fdcf8546ca754dd40d398c77df54c93206a79eeecad11eb8', '12f5f9632e1a0fb18a0bc5f513047c3873b5d35fbae9a51ec81f0b23ec5b3baa', 'c11c4cce72460a8c34461659fd9a249a2108e3e6356af694b0c1ea63e042ac6b'),
	(23, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-76f83fc14410465b', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'c11c4cce72460a8c34461659fd9a249a2108e3e6356af694b0c1ea63e042ac6b', '2531c71c405c0d34f6c5aae98aa369b205e5f4343b0366eb5431dd313e39cbf9'),
	(24, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-76f83fc14410465b', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '2531c71c405c0d34f6c5aae98aa369b205e5f4343b0366eb5431dd313e39cbf9', '85e4f7b3c87fc258b372fffb871081489b011bd1fa56bf69cf3a4f4f3eaafa7d'),
	(25, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-76f83fc14410465b', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}', '43468246701a8ccbb9df12e1e3e4c00546f0b6e9f865bff4e7e39e12df3bef82', '85e4f7b3c87fc258b372fffb871081489b011bd1fa56bf69cf3a4f4f3eaafa7d', '9f5878599d5a1fd05b2518589d57b08ebca282812a9e0d800bfd4012ad428315'),
	(26, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.inspect', 'supplier', 'sup-76f83fc14410465b', '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}', '00414982c55dbe7f6655f2746098717693bca8d188fa473b44bc759ddc2cb9c7', '9f5878599d5a1fd05b2518589d57b08ebca282812a9e0d800bfd4012ad428315', 'a3271874259301cc9c3a5d2c7c8678df9ebe9dbb01373fe743b07707c75a8db1'),
	(27, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-76f83fc14410465b', '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}', 'b5ddabbf337f7d2546b35521885af144aa996e29b92f78e3828ab3eab0920706', 'a3271874259301cc9c3a5d2c7c8678df9ebe9dbb01373fe743b07707c75a8db1', 'ff82d1ddcef96fd66cbaf92d3d4213f3d51c65fb6b64f8801cf9b9b56c3232aa'),
	(28, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-76f83fc14410465b', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', 'ff82d1ddcef96fd66cbaf92d3d4213f3d51c65fb6b64f8801cf9b9b56c3232aa', 'b1946d327316615016b3b102d660ed066e3666edd391ce5627d97bcd81f7b100'),
	(29, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-167ac4b925984a0f', '{"address":"浙江省义乌市工业路104号","bank_account":"6228 0579 00000104","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"3000000.00","contacts":[{"email":"sales104@example.cn","name":"联系人104","phone":"13905790104"}],"credit_code":"91330782B300000004","legal_representative":"法人104","legal_representative_id":{"hmac":"35400e190200971570c74d88e6dc34309489ffbf4112146e9e00ce6e16277604"},"name":"佛堂混凝土有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-104","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-104","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'b091b633266b635ec86553ee934e39016d63226aa5901f7a5b99ae2ed78a96cf', 'b1946d327316615016b3b102d660ed066e3666edd391ce5627d97bcd81f7b100', 'ec04a1fb8f25c829ca023b53889ef6615022238d949e72905a468c1cdb5c8a29'),
	(30, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-167ac4b925984a0f', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'ec04a1fb8f25c829ca023b53889ef6615022238d949e72905a468c1cdb5c8a29', 'ead7177fd98df44ca19b8f9b388f2770915cbe7ebcf1a087f2a23cb210df85e9'),
	(31, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-167ac4b925984a0f', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', 'ead7177fd98df44ca19b8f9b388f2770915cbe7ebcf1a087f2a23cb210df85e9', '9c3ec621fecd447e8eca2db849bd3f3414c3b5b881573cad0c0669d28ccf5365'),
	(32, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-167ac4b925984a0f', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}', '43468246701a8ccbb9df12e1e3e4c00546f0b6e9f865bff4e7e39e12df3bef82', '9c3ec621fecd447e8eca2db849bd3f3414c3b5b881573cad0c0669d28ccf5365', '6d36519aeb9d094e9cd097722a678a2d7c1c52482103a3eee046913358089f27'),
	(33, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.inspect', 'supplier', 'sup-167ac4b925984a0f', '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}', '00414982c55dbe7f6655f2746098717693bca8d188fa473b44bc759ddc2cb9c7', '6d36519aeb9d094e9cd097722a678a2d7c1c52482103a3eee046913358089f27', '2f316fa4a1982835fef06402925aa8d6a207098cac513eca8cf9eeb72db40f9d'),
	(34, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-167ac4b925984a0f', '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}', 'b5ddabbf337f7d2546b35521885af144aa996e29b92f78e3828ab3eab0920706', '2f316fa4a1982835fef06402925aa8d6a207098cac513eca8cf9eeb72db40f9d', 'e7611494dd2efac7880f7dbc883d2c69705edd3d44b7c5eeb6f63913ba9e0ee2'),
	(35, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-167ac4b925984a0f', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', 'e7611494dd2efac7880f7dbc883d2c69705edd3d44b7c5eeb6f63913ba9e0ee2', '0f506bd6f0252c1a3229c6175689be8eb1124907fdb9adefd1cf8d8ac13f508c'),
	(36, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-a863517f6dd84f71', '{"address":"浙江省义乌市工业路105号","bank_account":"6228 0579 00000105","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"800000.00","contacts":[{"email":"sales105@example.cn","name":"联系人105","phone":"13905790105"}],"credit_code":"91330782C30000000F","legal_representative":"法人105","legal_representative_id":{"hmac":"541622d8aed162c18348b3217798c27767a2d91a9d53c407f9de5b8ae7e22c99"},"name":"义乌建工劳务有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-105","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"LABO-105","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"WORK-105","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'c9946acb22de9290946ba759aa8ac8419d9b861087daf59bd85949a9aff4dafe', '0f506bd6f0252c1a3229c6175689be8eb1124907fdb9adefd1cf8d8ac13f508c', '7fbae96f5ff42f19d9f5f1e809948c9150bf88abeb119f04eba44422b64ad722'),
	(37, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-a863517f6dd84f71', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', '7fbae96f5ff42f19d9f5f1e809948c9150bf88abeb119f04eba44422b64ad722', '2b64850e8160e4d630ef513d7c8d019051129aeca019c4f0839879fa911dcdb7'),
	(38, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-a863517f6dd84f71', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '2b64850e8160e4d630ef513d7c8d019051129aeca019c4f0839879fa911dcdb7', 'c03c22563073e9c0c4d044e39fc2ba2f1939a617d46cfa9c7e9d030a6d01c074'),
	(39, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-a863517f6dd84f71', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b0a97552191e7554bceada3de7a5bca4f3e8b4145f9f002375138d9934684be2', 'c03c22563073e9c0c4d044e39fc2ba2f1939a617d46cfa9c7e9d030a6d01c074', 'fa67a009e995a31cf75311b02539e4e31be327445d9430bb151436d023950041'),
	(40, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-a863517f6dd84f71', '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '7cce604df3655594e730059842e5e14626885a25fad7bcf0c9829f9992c34869', 'fa67a009e995a31cf75311b02539e4e31be327445d9430bb151436d023950041', '1664d82e26f7426cd2ae3142081a684fd19457d8d85305e3743e9690e907409c'),
	(41, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-a863517f6dd84f71', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '1664d82e26f7426cd2ae3142081a684fd19457d8d85305e3743e9690e907409c', '32a83c43c72f6d44af9431ec0624f483dd183cab29ad92ff5c0afe8816fd7cac'),
	(80, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a863517f6dd84f71', '{"contract_id":"HT-2026-02-002","event_id":3,"kind":"service_complaint","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":1,"supplier_id":"sup-a863517f6dd84f71"}', 'e9dfb93e049697b3cec08eff241857953af1b5c09daa7d9608d3ecbe11710ea8', 'd9a9fee9a36e5e45e252028c69f4feb9b9b6a4094171dad63f1626010d872a6a', '3443afbb27d839522f2155f4c57460a3a4a89a7a1b5c6c528c3f0f7df82d35ea'),
	(42, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-2ad2c830879740a1', '{"address":"浙江省义乌市工业路106号","bank_account":"6228 0579 00000106","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"800000.00","contacts":[{"email":"sales106@example.cn","name":"联系人106","phone":"13905790106"}],"credit_code":"91330782D30000000T","legal_representative":"法人106","legal_representative_id":{"hmac":"1eecd087a7045538d2d3cc03fed5dc70e52f6176967bf1b27e7dea532d5cb6dd"},"name":"东阳木工劳务合作社","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-106","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"LABO-106","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"WORK-106","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', '9a948295d2b31ea2f3ad3a660e6bcc1549652f4982cd2403a6a1b9d6c14ea93e', '32a83c43c72f6d44af9431ec0624f483dd183cab29ad92ff5c0afe8816fd7cac', '040edd2d5480db792d06f65e79ce85f5449666b566e02ae597555b1b25bc0e2b'),
	(43, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-2ad2c830879740a1', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', '040edd2d5480db792d06f65e79ce85f5449666b566e02ae597555b1b25bc0e2b', '809d8baae35fc9f3afe9388f60e45368fb045b97ed91eca4e5c6e593cfc1506b'),
	(44, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-2ad2c830879740a1', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '809d8baae35fc9f3afe9388f60e45368fb045b97ed91eca4e5c6e593cfc1506b', '06a0edd82b88dca129eac61c2b868a5c21110f29345ddec965b3181506b005d6'),
	(45, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-2ad2c830879740a1', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b0a97552191e7554bceada3de7a5bca4f3e8b4145f9f002375138d9934684be2', '06a0edd82b88dca129eac61c2b868a5c21110f29345ddec965b3181506b005d6', '1cd9528e0d6b07099e8950cb993e9e304696e02c749289803db12263e9b5e675'),
	(46, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-2ad2c830879740a1', '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '7cce604df3655594e730059842e5e14626885a25fad7bcf0c9829f9992c34869', '1cd9528e0d6b07099e8950cb993e9e304696e02c749289803db12263e9b5e675', 'bc4e52f2aca8db8c1fd1dcb04f7458ed8f161ad267ede7a6e7e06fd791b57f31'),
	(47, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-2ad2c830879740a1', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', 'bc4e52f2aca8db8c1fd1dcb04f7458ed8f161ad267ede7a6e7e06fd791b57f31', '7cfa05fe201528b1e04b3e62b3b563eae7800a22570decdda9b457e7eea4aafd'),
	(48, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-df2dcb2391a14b78', '{"address":"浙江省义乌市工业路107号","bank_account":"6228 0579 00000107","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"800000.00","contacts":[{"email":"sales107@example.cn","name":"联系人107","phone":"13905790107"}],"credit_code":"91330782E300000006","legal_representative":"法人107","legal_representative_id":{"hmac":"baea56fabf57760cce4d3d51a3e8dbaf5375ab33d3d90ddb441d371b8cf85f00"},"name":"浦江安装劳务有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-107","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"LABO-107","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"WORK-107","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', '7e06d234f0df98c4f3340509ff8074677c8de55230e074a8b03840dbb7ef6239', '7cfa05fe201528b1e04b3e62b3b563eae7800a22570decdda9b457e7eea4aafd', '1871768a1c2491bb233be90fcc72d42bda8a6bb58cee894cb88fb7ade74bd41d'),
	(49, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-df2dcb2391a14b78', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', '1871768a1c2491bb233be90fcc72d42bda8a6bb58cee894cb88fb7ade74bd41d', 'c260d8a8cda026c4f1caa169655cfe6a261fa7563d7a9cdcd4be8fc9b00af4b7'),
	(50, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-df2dcb2391a14b78', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', 'c260d8a8cda026c4f1caa169655cfe6a261fa7563d7a9cdcd4be8fc9b00af4b7', '55ad3090a0579054977fdc6c9e05c6edfc1898e62c32b07a8b1a56df6a0850a3'),
	(51, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-df2dcb2391a14b78', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b0a97552191e7554bceada3de7a5bca4f3e8b4145f9f002375138d9934684be2', '55ad3090a0579054977fdc6c9e05c6edfc1898e62c32b07a8b1a56df6a0850a3', '6b8e98476bbb314c203b6feff94316b368eaa93f5c3282a5c15e7dae5d3c3f8f'),
	(52, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-df2dcb2391a14b78', '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '7cce604df3655594e730059842e5e14626885a25fad7bcf0c9829f9992c34869', '6b8e98476bbb314c203b6feff94316b368eaa93f5c3282a5c15e7dae5d3c3f8f', '684c830d78cf3db9b45a927d995028f5df064ac0336e6fb8223901153f8a519e'),
	(53, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-df2dcb2391a14b78', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '684c830d78cf3db9b45a927d995028f5df064ac0336e6fb8223901153f8a519e', 'b5e5ffb0684ac1671ab3aea2c70cac33fc56e808d675c5fdc02d45d58f3be179'),
	(81, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a85768d22c464c6f', '{"contract_id":"HT-2026-02-003","event_id":4,"kind":"late_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}', '4e4f389fd3f1c5d65dc9778bf22411fa6a78b56929afa3d426b836a324b670ce', '3443afbb27d839522f2155f4c57460a3a4a89a7a1b5c6c528c3f0f7df82d35ea', 'f2708ed15954a2c5c7f223c2a215cee98e1d3596586490ac95c9dd5d346eea36'),
	(54, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-740fef4330de4514', '{"address":"浙江省义乌市工业路120号","bank_account":"6228 0579 00000120","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"5000000.00","contacts":[{"email":"sales120@example.cn","name":"联系人120","phone":"13905790120"}],"credit_code":"91330782U30000000R","legal_representative":"法人120","legal_representative_id":{"hmac":"2430768b12737e161e1953af333c04a06bf3fef65e8eb4f82f2feab37197ec16"},"name":"华东钢铁集团义乌分公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-120","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-120","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', '501f7c151d3d2d6ecaf5b66b3ca728c93da1c304fd60476f97deb2bad5891dd2', 'b5e5ffb0684ac1671ab3aea2c70cac33fc56e808d675c5fdc02d45d58f3be179', 'e5ac39ce7d8cce2159631a10eb63626ace3ee99d30c822f22d06fb668862657e'),
	(55, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-740fef4330de4514', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'e5ac39ce7d8cce2159631a10eb63626ace3ee99d30c822f22d06fb668862657e', '364977678e984d2bfa2e14b102b5b4023dcac238d2a6d7ff9a8eab0123cea16a'),
	(56, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-740fef4330de4514', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '364977678e984d2bfa2e14b102b5b4023dcac238d2a6d7ff9a8eab0123cea16a', '6caafd23928c609a1b172acb8a8187fd44fab0d1be22a14228f39bd06d935bf2'),
	(57, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-740fef4330de4514', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}', '43468246701a8ccbb9df12e1e3e4c00546f0b6e9f865bff4e7e39e12df3bef82', '6caafd23928c609a1b172acb8a8187fd44fab0d1be22a14228f39bd06d935bf2', 'baccdbd524d6058a0ad6bb5b26ac4eea35dd529b95740f47d852739aa16849d0'),
	(58, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.inspect', 'supplier', 'sup-740fef4330de4514', '{"inspectors":["p-wang","q-zhao"],"passed":true,"report":"现场考察：轧钢生产线、质检实验室、仓储运输均符合要求","round":1}', '1a19402cde3a6c1510725af5e5d809020227ad72e5303866810bd4e4c35216b3', 'baccdbd524d6058a0ad6bb5b26ac4eea35dd529b95740f47d852739aa16849d0', '77d66250fe69bd9d3b09fd5ea35424d5282910ff59675d1f6423a5aec727ebe6'),
	(59, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-740fef4330de4514', '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}', 'b5ddabbf337f7d2546b35521885af144aa996e29b92f78e3828ab3eab0920706', '77d66250fe69bd9d3b09fd5ea35424d5282910ff59675d1f6423a5aec727ebe6', 'ade670e7ed17f1d01295c06a1b460aed6bf9db5259a21f2158df0c34a3fabfae'),
	(60, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-740fef4330de4514', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', 'ade670e7ed17f1d01295c06a1b460aed6bf9db5259a21f2158df0c34a3fabfae', 'abcff69c0755df411c77575b4e554482b40bab32aa5b8cf6b9d2a65487d6c43c'),
	(61, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-69a50a23dee74b1d', '{"address":"浙江省义乌市工业路130号","bank_account":"6228 0579 00000130","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"800000.00","contacts":[{"email":"sales130@example.cn","name":"联系人130","phone":"13905790130"}],"credit_code":"91330782640000000D","legal_representative":"法人130","legal_representative_id":{"hmac":"6b1cfb76aedcaf4764b292e170ca61004ae205780f7414d879c8f9e53bff0047"},"name":"金华速达劳务有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-130","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"LABO-130","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"WORK-130","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2026-02-27T16:00:00Z"}]}', '7960e3c4b5ba58ea9de981b0d520634ff1dfd284c03ad92993ddd80c9e2faa29', 'abcff69c0755df411c77575b4e554482b40bab32aa5b8cf6b9d2a65487d6c43c', '0b7fc491560167dca7968290c84d7e2bce1deca476efc5e9e1c3656e0ce47374'),
	(62, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-69a50a23dee74b1d', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', '0b7fc491560167dca7968290c84d7e2bce1deca476efc5e9e1c3656e0ce47374', '592af3c84cb51da2ed8d41456ef1df81a7ce999f77fe0a68b9dad431109b0d9d'),
	(63, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-69a50a23dee74b1d', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '592af3c84cb51da2ed8d41456ef1df81a7ce999f77fe0a68b9dad431109b0d9d', 'd22384c3f93a24a54029894da12c94bfbe403aa9d5622f26778380dd5bd3b128'),
	(64, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-69a50a23dee74b1d', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b0a97552191e7554bceada3de7a5bca4f3e8b4145f9f002375138d9934684be2', 'd22384c3f93a24a54029894da12c94bfbe403aa9d5622f26778380dd5bd3b128', '3d18324fca116800654226e960312d315ea2d7a38d7ed4cd96837bc87692072f'),
	(65, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.reject', 'supplier', 'sup-69a50a23dee74b1d', '{"from":"under_review","reason":"安全生产许可证已过期","round":1,"to":"rejected"}', 'd6c3364765b54c110c8602ba44a467206f022b8b5631cea2e41b159ccf6fd00a', '3d18324fca116800654226e960312d315ea2d7a38d7ed4cd96837bc87692072f', '45390c203607e6aed3d326ca5fd71930832b5efb0ab14882414b0d79a62b34e7'),
	(82, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a85768d22c464c6f', '{"contract_id":"HT-2026-02-004","event_id":5,"kind":"quality_defect","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}', 'a4393b1f5b4285c748201196d2e18dddee1beadd4c175226d85a5fa6a6e314f4', 'f2708ed15954a2c5c7f223c2a215cee98e1d3596586490ac95c9dd5d346eea36', '037eb8893d55b4b18b2645094ebcf742a3abe359f9556a6306f22b95baf7d881'),
	(83, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a85768d22c464c6f', '{"contract_id":"HT-2026-02-005","event_id":6,"kind":"safety_incident","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":4,"supplier_id":"sup-a85768d22c464c6f"}', 'a87e2debddbaf8e09de8b27d3ada44830d08b3d91a28436cd05b74e3edd68781', '037eb8893d55b4b18b2645094ebcf742a3abe359f9556a6306f22b95baf7d881', '2cfa444b3f4046b988497eb78d54658c3456f1eaf74a0516be32c645c6c69f4b'),
	(66, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-a85768d22c464c6f', '{"address":"浙江省义乌市工业路140号","bank_account":"6228 0579 00000140","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"800000.00","contacts":[{"email":"sales140@example.cn","name":"联系人140","phone":"13905790140"}],"credit_code":"91330782G40000000Y","legal_representative":"法人140","legal_representative_id":{"hmac":"7056b8ed6154e06efc9d3ef380230b156e0748e60a1591425d6e052bb9f04785"},"name":"义乌低价建材商行","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-140","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-140","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', '09daed4c0dead50e9b12e5a0b9d1070709bdf7603821d40e0e23306b0c0c8bd0', '45390c203607e6aed3d326ca5fd71930832b5efb0ab14882414b0d79a62b34e7', 'fe576f02ec67785360965ccd43405fe121adfaf723b8ffedf7745c1487d8823f'),
	(67, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-a85768d22c464c6f', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'fe576f02ec67785360965ccd43405fe121adfaf723b8ffedf7745c1487d8823f', '63d2c5160b3a41343c5ee8a55cf8f891cd2b8f73ccf068adee467817d4a2980e'),
	(68, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-a85768d22c464c6f', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '63d2c5160b3a41343c5ee8a55cf8f891cd2b8f73ccf068adee467817d4a2980e', 'ff41d8722d45726249a46c23abce7f1df3f2e5ec6bf49ae59aeccbd5777545ec'),
	(69, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-a85768d22c464c6f', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b0a97552191e7554bceada3de7a5bca4f3e8b4145f9f002375138d9934684be2', 'ff41d8722d45726249a46c23abce7f1df3f2e5ec6bf49ae59aeccbd5777545ec', '25d37f0f679f605c744bbcaf5b35329a1cd70270c7dbfcb8c675bb7848400a02'),
	(70, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-a85768d22c464c6f', '{"categories":["materials"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '1744b9a45de031cd484a9aaecbc515aedf694f32ac6eedc3abcd1db3a59ff399', '25d37f0f679f605c744bbcaf5b35329a1cd70270c7dbfcb8c675bb7848400a02', '7dd672c0d50a481176a5ab0419d0c68e04b307e3de1366aac35660d73276c8ea'),
	(71, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-a85768d22c464c6f', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '7dd672c0d50a481176a5ab0419d0c68e04b307e3de1366aac35660d73276c8ea', 'c637ba040cf82093472d1f7f172adcdcff179db321a84fe75f957da03eacae36'),
	(72, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-2585617b27854cd4', '{"address":"浙江省义乌市工业路141号","bank_account":"6228 0579 00000141","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"800000.00","contacts":[{"email":"sales141@example.cn","name":"联系人141","phone":"13905790141"}],"credit_code":"91330782H40000000A","legal_representative":"法人141","legal_representative_id":{"hmac":"5c9a5eccf186572552d2d1aa49a960ee651513e97a400dac999d2d36bb09a652"},"name":"义乌劣质钢材贸易行","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-141","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-141","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'ad24179abbb1c9724a9e134baa4dfeaded560da6e8aa17991ab7f6e761b09b80', 'c637ba040cf82093472d1f7f172adcdcff179db321a84fe75f957da03eacae36', 'a49cd6edb40ff9207c9a39955a4036e1519142a3b20d877ab6444793a4c4dc13'),
	(73, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-2585617b27854cd4', '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'c27efc2656d259a20b151bf2eb801f8a58b7004bc8b4590c138c74c8b04b813f', 'a49cd6edb40ff9207c9a39955a4036e1519142a3b20d877ab6444793a4c4dc13', '7b8cc4c41f9ee9de59ac85e200b853b7f6f0d787ce79b282d7c47cdd8470a1bd'),
	(74, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-2585617b27854cd4', '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'c4ec481de56d5b1ea94677e05e8bee5d028752e225debc488053e127de741d56', '7b8cc4c41f9ee9de59ac85e200b853b7f6f0d787ce79b282d7c47cdd8470a1bd', '1a63951ff7ac5c7a23d811015410a584d88d5bb88f596819710114fdab262856'),
	(75, '2026-03-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-2585617b27854cd4', '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b0a97552191e7554bceada3de7a5bca4f3e8b4145f9f002375138d9934684be2', '1a63951ff7ac5c7a23d811015410a584d88d5bb88f596819710114fdab262856', 'aff38f317f04f2db98165ee148558010c2f8100bfe3f4272036316a021dae180'),
	(76, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-2585617b27854cd4', '{"categories":["materials"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '1744b9a45de031cd484a9aaecbc515aedf694f32ac6eedc3abcd1db3a59ff399', 'aff38f317f04f2db98165ee148558010c2f8100bfe3f4272036316a021dae180', '58d869e9cb5f6b7205674d725a6282d3ca44728794cc3ea79150bb842ff3811d'),
	(77, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-2585617b27854cd4', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '58d869e9cb5f6b7205674d725a6282d3ca44728794cc3ea79150bb842ff3811d', '0bb57e705ecc1acc3efaaa70e3e2be79acf1fc718979baf1fe08ffb9cb3cee7e'),
	(78, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-ed6679e458a144c4', '{"contract_id":"HT-2026-02-000","event_id":1,"kind":"on_time_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":1,"supplier_id":"sup-ed6679e458a144c4"}', '80b3641bd5b51157d86167a73f17c86643896b1387d55d226a34d9e41260d05e', '0bb57e705ecc1acc3efaaa70e3e2be79acf1fc718979baf1fe08ffb9cb3cee7e', '68e6f02f6e5dd2acdac748e9eaba575b58a5eab0ed5353332bfe4e26eb8b73b7'),
	(79, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-f7fc0cd2fb654da9', '{"contract_id":"HT-2026-02-001","event_id":2,"kind":"late_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":2,"supplier_id":"sup-f7fc0cd2fb654da9"}', 'd82611ddccfe4050fe79e77a3725a62fdc992d9fa246210d678d2289fa86e77d', '68e6f02f6e5dd2acdac748e9eaba575b58a5eab0ed5353332bfe4e26eb8b73b7', 'd9a9fee9a36e5e45e252028c69f4feb9b9b6a4094171dad63f1626010d872a6a'),
	(84, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a85768d22c464c6f', '{"contract_id":"HT-2026-02-006","event_id":7,"kind":"late_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}', '5ebc80e32025bae24960acfb02d2e3691f78289bb81254eb9eb016734812242f', '2cfa444b3f4046b988497eb78d54658c3456f1eaf74a0516be32c645c6c69f4b', '1e2635381ec848c883c952ce0dee854f9095cb0d48518b73dde584f5637e8af9'),
	(85, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a85768d22c464c6f', '{"contract_id":"HT-2026-02-007","event_id":8,"kind":"quality_defect","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}', '1a1308f625c12f2e86b7bd23bf5bb8c4eb38d18fefe7f76cb921fff2e18513f7', '1e2635381ec848c883c952ce0dee854f9095cb0d48518b73dde584f5637e8af9', '5e03164c586db756ec7239b3d7bb78824eed3684d8cd6783873a9079fe20143c'),
	(86, '2026-03-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-a85768d22c464c6f', '{"contract_id":"HT-2026-02-008","event_id":9,"kind":"safety_incident","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}', 'bd138adcbdb677f1d03dc082907fb8087aba594838f6b920b58252b65c6e6665', '5e03164c586db756ec7239b3d7bb78824eed3684d8cd6783873a9079fe20143c', '68ff233ec9b872a16e8e8bf1affabbdf6cb97ef8c161a5ef245c7147ae4d836f'),
	(87, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.period.close', 'performance_period', 'month:2026-02', '{"ends_at":"2026-02-28T16:00:00+00:00","grades":{"A":3,"D":1},"kind":"month","label":"2026-02","scored":4,"settings":{"deductions":{"bribery":100,"collusion":100,"compliance_breach":10,"falsified_documents":100,"late_delivery":5,"on_time_delivery":0,"quality_defect":6,"safety_incident":10,"service_complaint":4},"default_ban_days":1095,"grade_a":90,"grade_b":75,"grade_c":60,"min_inspectors":2,"site_inspection_threshold":"1000000","weights":{"compliance":10,"delivery":30,"quality":30,"safety":20,"service":10}},"starts_at":"2026-01-31T16:00:00+00:00"}', 'd1c7661b0cd4588ffa6b53768cc2bba1147742bae97aab327e8fd50af3e60a42', '68ff233ec9b872a16e8e8bf1affabbdf6cb97ef8c161a5ef245c7147ae4d836f', '24d850ac6e8ee0197dfa065ae7666b7e558b7d999aa166dea19235b037cef094'),
	(88, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.suspend', 'supplier', 'sup-a85768d22c464c6f', '{"event":"suspend","from":"active","reason":"grade D in month:2026-02","to":"suspended"}', '9b0244b9237c9948ccafc23cbd77f168810d6cc129d927904db2e535f88e837e', '24d850ac6e8ee0197dfa065ae7666b7e558b7d999aa166dea19235b037cef094', 'b0a82447a30b8f039d20e738d6a83ab857f62932fbe377b56e29974a178e3600'),
	(89, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'supplier.blacklist.propose', 'supplier', 'sup-2585617b27854cd4', '{"approvals":[{"actor_id":"p-wang","at":"2026-03-02T01:00:00+00:00","note":"","roles":["purchasing"]}],"ban_days":1095,"evidence":["质检报告 ZJ-2026-0211","厂家否认函"],"reason":"falsified mill certificates 伪造钢材质保书","request_id":"req-3df715f53f3440e6","source":"manual"}', 'e151b85129fe02ed3721e0c8b228a7cc11ded17b64316d88af667bd3bcc3a63d', 'b0a82447a30b8f039d20e738d6a83ab857f62932fbe377b56e29974a178e3600', 'dc125120c9596f65383b6571d47ab1c813196974610cac4413dd21919f97eafe'),
	(90, '2026-03-02T01:00:00.000000+00:00', 's-zhou', 'supplier.standing.blacklist', 'supplier', 'sup-2585617b27854cd4', '{"approvers":["p-wang","s-zhou"],"ban_until":"2029-03-01T01:00:00+00:00","event":"blacklist","evidence":["质检报告 ZJ-2026-0211","厂家否认函"],"from":"active","reason":"falsified mill certificates 伪造钢材质保书","request_id":"req-3df715f53f3440e6","to":"blacklisted"}', '01ca98317a25be8bfcf11c41754d065bb19680cda71d8ecf383c98d9bc9df5ae', 'dc125120c9596f65383b6571d47ab1c813196974610cac4413dd21919f97eafe', 'a98873e74686c06024de42b4d7bd10877060a01d90b36751d1b05b874771777f'),
	(91, '2026-03-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-08a7645af2174f89', '{"address":"浙江省义乌市工业路150号","bank_account":"6228 0579 00000141","bank_name":"义乌农商银行","categories":["materials"],"ceiling":"800000.00","contacts":[{"email":"sales150@example.cn","name":"联系人150","phone":"13905790150"}],"credit_code":"91330782T40000000G","legal_representative":"法人150","legal_representative_id":{"hmac":"5c9a5eccf186572552d2d1aa49a960ee651513e97a400dac999d2d36bb09a652"},"name":"义乌新钢贸易有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"BUSI-150","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"QUAL-150","type":"quality_management_certificate","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'fb8820a4e9bc79e0435ad7098a9fdf1195c697c5ad7c59a32346cf5e13791d9a', 'a98873e74686c06024de42b4d7bd10877060a01d90b36751d1b05b874771777f', '2e99e830e59f00db40c6f2ff02588415f4ee1a37bcf65855161f1822eadae1cb'),
	(92, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'tender.draft', 'tender', 'tdr-62e4d93df6c5', '{"draft":{"bid_security":"40000.00","buyer":"浙江津义建设","category":"materials","ceiling_price":"2100000.00","custodians":[{"actor_id":"p-wang","name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","name":"孙财务 Sun","supervisor":false}],"deadline":"2026-03-23T01:00:00Z","estimate":"2000000.00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"invitees":[],"lots":[{"id":"L1","items":[{"name":"rebar","quantity":"420","specification":"","unit":"t"}],"title":"HRB400E Φ12–Φ25"}],"method":"open_tender","officers":[],"profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"threshold":2,"title":"HRB400E rebar for the medical park, phase 2"},"retender_of":null,"tender_id":"tdr-62e4d93df6c5"}', '0038d73a15ba5f213c3a5ff5b510f462103854bcba2940dc69d9d4a6e3db4596', '2e99e830e59f00db40c6f2ff02588415f4ee1a37bcf65855161f1822eadae1cb', 'af75eb6e801b4d0d6895979cb9539cd3848828a222d9d865458d8c1397e723df'),
	(93, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'platform.receipt_key', 'platform_setting', 'bidding.receipt_signing_key', '{"verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11"}', '705d06679354d73341f5b588800e4849c137d4ac344f031b0002ccc6c3e7de8c', 'af75eb6e801b4d0d6895979cb9539cd3848828a222d9d865458d8c1397e723df', '87763d597e319df29e781d813446ccbe0639405ccf346fad27cf286cd771d6d0'),
	(94, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'tender.publish', 'tender', 'tdr-62e4d93df6c5', '{"bid_security":"40000.00","buyer":"浙江津义建设","category":"materials","ceiling_price":"2100000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","index":3,"name":"孙财务 Sun","supervisor":false}],"deadline":"2026-03-23T01:00:00+00:00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"from":"draft","invitees":[],"lots":[{"id":"L1","items":[{"name":"rebar","quantity":"420","specification":"","unit":"t"}],"title":"HRB400E Φ12–Φ25"}],"method":"open_tender","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"86311fa1d286f54895bd64b5140518dd822440bc09cfe1b96831001fa37bf175","rules_digest":"f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f","share_fingerprints":["e6403a355f924958385296f0151dd3060a55b40a760a16d5261e8f974798c53a","8ba51e935147cffaf778685bcda76bdf77d994fc72df7523f945a90b57aba624","1e287e7bae3625aaac83b25c986dbf717a22090f123b0c815729977cbe312c8d"],"tender_id":"tdr-62e4d93df6c5","threshold":2,"title":"HRB400E rebar for the medical park, phase 2","to":"published","two_envelopes":false}', '5f842ed55e9e9c9dc8916a6afe45bb681d2b312f9e741b00b290ebf2c5f4f92f', '87763d597e319df29e781d813446ccbe0639405ccf346fad27cf286cd771d6d0', '4d567ee4c16f8f72bb7479e43847ef1efa944efd695545e7362e5054c324b66e'),
	(95, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'tender.draft', 'tender', 'tdr-b1ed6cf79877', '{"draft":{"bid_security":"0.00","buyer":"浙江津义建设","category":"labour","ceiling_price":"380000.00","custodians":[{"actor_id":"p-wang","name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","name":"孙财务 Sun","supervisor":false}],"deadline":"2026-03-07T01:00:00Z","estimate":"360000.00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"invitees":["sup-a863517f6dd84f71","sup-2ad2c830879740a1","sup-df2dcb2391a14b78"],"lots":[{"id":"L1","items":[{"name":"formwork labour","quantity":"6800","specification":"","unit":"m²"}],"title":"formwork"}],"method":"price_inquiry","officers":["p-wang","p-li"],"profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"threshold":2,"title":"Formwork labour, building 3"},"retender_of":null,"tender_id":"tdr-b1ed6cf79877"}', 'e5dbe592252ddd84ac808ffc3d6b0509b4c00790ab234c43c13b5d290f27eac0', '4d567ee4c16f8f72bb7479e43847ef1efa944efd695545e7362e5054c324b66e', '5e8cb8e25ec91db52156305e6ad1ffb2927e479602d745abe75b7dfcb04f7be1'),
	(96, '2026-03-02T01:00:00.000000+00:00', 'p-wang', 'tender.publish', 'tender', 'tdr-b1ed6cf79877', '{"bid_security":"0.00","buyer":"浙江津义建设","category":"labour","ceiling_price":"380000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","index":3,"name":"孙财务 Sun","supervisor":false}],"deadline":"2026-03-07T01:00:00+00:00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"from":"draft","invitees":["sup-a863517f6dd84f71","sup-2ad2c830879740a1","sup-df2dcb2391a14b78"],"lots":[{"id":"L1","items":[{"name":"formwork labour","quantity":"6800","specification":"","unit":"m²"}],"title":"formwork"}],"method":"price_inquiry","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"8862c638ca324b9840900fe111ff112c64bc9c8248510fe90aa05ed98da49813","rules_digest":"f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f","share_fingerprints":["bb135310a9efdb9e3e7d180d29906d0c9483f0a9bb03efac2cd6d9a1ca0a3597","f1784f90a086e28f455c4f1da1a05ef17a1f162144888caf64b9c0a74dfa3a71","82258e6558d4faa89ea98b01b792c243dd869ae2e108fda80a7740b765e6edd4"],"tender_id":"tdr-b1ed6cf79877","threshold":2,"title":"Formwork labour, building 3","to":"published","two_envelopes":false}', '43a9df247a32ad414d051c7db0776593422081cb89d07e03dd9beef8aaa0a8af', '5e8cb8e25ec91db52156305e6ad1ffb2927e479602d745abe75b7dfcb04f7be1', 'f615072c0ec08955d292ef25fc306782eb6eed39a65d74495b0de13fda991b59'),
	(97, '2026-03-02T08:00:00.000000+00:00', 'u-sup-ed6679e458a144c4', 'bid.submit', 'bid', 'bid-0045b8c96ee0', '{"bid_id":"bid-0045b8c96ee0","envelope_hash":"9a62c6262b1c899874a712e3b161b455fab6bdd2cc001ec95160116138f32a2b","received_at":"2026-03-02T08:00:00+00:00","signature":"60c59ff2fc9e37c95ae4f6a1b128e3fb5bb329716b81cd466ec8d30962ba34b5615200d13e71488bc5212570da95159d51dae4842dcf104dc5a5ad8c3c14cd0a","supplier_id":"sup-ed6679e458a144c4","tender_id":"tdr-62e4d93df6c5","version":1}', '4de25c2ed9dc9d3930c05124ca2e423eab203f34652dc27fbb15e2dac646045f', 'f615072c0ec08955d292ef25fc306782eb6eed39a65d74495b0de13fda991b59', 'a10c8ff0521ae93ff5defb8ce9d0afe14f5830844f9b52cec19c2a3610bd1a96'),
	(98, '2026-03-02T15:00:00.000000+00:00', 'u-sup-f7fc0cd2fb654da9', 'bid.submit', 'bid', 'bid-1f17ff486e49', '{"bid_id":"bid-1f17ff486e49","envelope_hash":"6300bdc7b6521e09083e5d96b1a061d3214e31d258347e79766edef2300679cc","received_at":"2026-03-02T15:00:00+00:00","signature":"c0d8ca9801c4494ab30911bc996f62d33622cd99b192f5313d4dd44a8d8ed5949cc0c5faf26f993c26e8f07e84fc95b30c88fb8f26bbc4f498bb49f318ec8308","supplier_id":"sup-f7fc0cd2fb654da9","tender_id":"tdr-62e4d93df6c5","version":1}', 'b54c1369007fde3f409b406268da7bdaa666bf556cb0e4bd2e861e3a07f33f32', 'a10c8ff0521ae93ff5defb8ce9d0afe14f5830844f9b52cec19c2a3610bd1a96', '4ce0587f9bbac664b86f996ae77009f8080f7c233774ea5cb1ab2cd6d9a3b4e8'),
	(99, '2026-03-02T22:00:00.000000+00:00', 'u-sup-310ab7d4022e4524', 'bid.submit', 'bid', 'bid-485206852000', '{"bid_id":"bid-485206852000","envelope_hash":"4163c90bafbbe9a86e8b6d141f49acddf64dc41f2ba42412b728db1a795b84b2","received_at":"2026-03-02T22:00:00+00:00","signature":"2fef092b6ae7bf507702e23df5cd1cd3e07a1605098f70941312162dbebd3826fa6097c0d75bf669253b805804f096efea65bc4841f62ff2ee27aec5ed9f8c08","supplier_id":"sup-310ab7d4022e4524","tender_id":"tdr-62e4d93df6c5","version":1}', 'bcf732aea0f72e1b64d881363cea857ae06b6ea10fa4327d3294ea222a7e0b1c', '4ce0587f9bbac664b86f996ae77009f8080f7c233774ea5cb1ab2cd6d9a3b4e8', 'f745290e558055b873870f42b9f5801ea0be493ce6ba0e2df5231c882c915da9'),
	(100, '2026-03-03T05:00:00.000000+00:00', 'u-sup-76f83fc14410465b', 'bid.submit', 'bid', 'bid-9bc42c7c053b', '{"bid_id":"bid-9bc42c7c053b","envelope_hash":"f5211091a691a2c7347e5b9f483fd46d84b6a2aed2f5cb50730d1896e6030c37","received_at":"2026-03-03T05:00:00+00:00","signature":"fb10ba1562bc9c7ffdd37c3aedc5050d69d80a8f4efaf9492b3b76a4dd453fde21440d2dd0129792bc57464bedac04daf00d8667f8b91d2747a7c383e1ff3e05","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-62e4d93df6c5","version":1}', '233f590102e4453d4789e7c75103cc10666a2ac1ace37703edbb58259a9248e1', 'f745290e558055b873870f42b9f5801ea0be493ce6ba0e2df5231c882c915da9', 'c25728a7380daf1571d4f42f5fdb4b1fae0f1168b9a49497608583ca8cc50e88'),
	(101, '2026-03-03T07:00:00.000000+00:00', 'u-sup-a863517f6dd84f71', 'bid.submit', 'bid', 'bid-eb73f442c6f9', '{"bid_id":"bid-eb73f442c6f9","envelope_hash":"e89eb8b06f35f75c41427c53f17fe2d2c7d3d606e808da9ade4c9e844021b1dc","received_at":"2026-03-03T07:00:00+00:00","signature":"c6081f2f2d95c56c35627423801c1994449216cae92ae80f39b676329e2d028a4f671eec5e92834a2e7f6b4a496c0f4f8d6bfbe418d3f766cfc65e34ecd6cf0d","supplier_id":"sup-a863517f6dd84f71","tender_id":"tdr-b1ed6cf79877","version":1}', 'b8534e00fa6a286e9ea90501f71d5a3187ebcc03b2acc37eefd963dcd80b61d8', 'c25728a7380daf1571d4f42f5fdb4b1fae0f1168b9a49497608583ca8cc50e88', 'bc86f81a0efce05d4a305ab604de7e579bb7ccc51ede18a709b7b34ec17acae9'),
	(102, '2026-03-03T09:00:00.000000+00:00', 'u-sup-2ad2c830879740a1', 'bid.submit', 'bid', 'bid-415f2c75b2e1', '{"bid_id":"bid-415f2c75b2e1","envelope_hash":"7ed328d00e514c447a5fc11c86f5129ccce78f114c9faaf2019ec8906325fb7f","received_at":"2026-03-03T09:00:00+00:00","signature":"89edabd2c5e0fd4cac9673b3e3d9233fa25f41a4bcf87d13f9aaf7b3cb39366cfb46d5cddab2464cc159504f692041889e026b1517a896d5d4a0ff7c07cb8909","supplier_id":"sup-2ad2c830879740a1","tender_id":"tdr-b1ed6cf79877","version":1}', '05e58b706acf31b3b9f0cbdb6655334b4c57118a3c8950195c0fb279c4acd277', 'bc86f81a0efce05d4a305ab604de7e579bb7ccc51ede18a709b7b34ec17acae9', '2010db0b71bc56daa169c5c3879542fccbf7de7632b8d781f4e81082e0c9e3d4'),
	(103, '2026-03-03T11:00:00.000000+00:00', 'u-sup-df2dcb2391a14b78', 'bid.submit', 'bid', 'bid-3f99fe959c7b', '{"bid_id":"bid-3f99fe959c7b","envelope_hash":"97389b31b09e64a95f7be81755f6019ca92be6338e6d4a29fc40f998375e1a50","received_at":"2026-03-03T11:00:00+00:00","signature":"72e75a69d927217896b18d54dacc0629c42068d2e5bb58ce33da9ba458a507ffcf8476babc99f2b696c80756c09f51e0bffbb0ee9aa24dfa1122cf61f145a30e","supplier_id":"sup-df2dcb2391a14b78","tender_id":"tdr-b1ed6cf79877","version":1}', '355f708cb3712b7f40bb56653abc7cf7b52b16aa908c85bab7f7bd54e2b3c329', '2010db0b71bc56daa169c5c3879542fccbf7de7632b8d781f4e81082e0c9e3d4', '4a5b04acf3e87f072dbceff9dfc5f523095d77b433e98478da2c43bf5b5a3456'),
	(104, '2026-03-07T01:30:00.000000+00:00', 's-zhou', 'tender.close', 'tender', 'tdr-b1ed6cf79877', '{"deadline":"2026-03-07T01:00:00+00:00","from":"published","tender_id":"tdr-b1ed6cf79877","to":"closed"}', 'a2319e7f9f048545152596cbcec9008c75aaeaa7b0ed71cb57e0e8557fe11c84', '4a5b04acf3e87f072dbceff9dfc5f523095d77b433e98478da2c43bf5b5a3456', '9bb4a7346d4d3a0c352e46dbd5bd2a8eb0aeafff5eb5e2d4bc674a5e3186db3e'),
	(105, '2026-03-07T01:30:00.000000+00:00', 's-zhou', 'tender.open', 'tender', 'tdr-b1ed6cf79877', '{"bids":3,"custodians_present":["s-zhou","f-sun"],"from":"closed","reason":null,"record_digest":"bfb474a535c2d68ffe87a2cdf4d3c8d185e04cf6067a13ecf568073d43a02205","stage":"bid","tender_id":"tdr-b1ed6cf79877","to":"opened","valid_bids":3}', '2c632e7e0bd21936df267c7d8779ac03295d11642a3e1c63fea8ada5d389a327', '9bb4a7346d4d3a0c352e46dbd5bd2a8eb0aeafff5eb5e2d4bc674a5e3186db3e', '15b2f2763f913238b4d32771232cf6d19cfb5b81931b1cdd39c104fe1f6e8ed1'),
	(106, '2026-03-23T01:30:00.000000+00:00', 's-zhou', 'tender.close', 'tender', 'tdr-62e4d93df6c5', '{"deadline":"2026-03-23T01:00:00+00:00","from":"published","tender_id":"tdr-62e4d93df6c5","to":"closed"}', '81332576509eb1c8d8d83b005d8065ff49ccb743f7ca1891350cda1fb2cca776', '15b2f2763f913238b4d32771232cf6d19cfb5b81931b1cdd39c104fe1f6e8ed1', 'c23531a020b3fa40b32ede83530c5c40293d5b32ce3abd15f79a8df2dd823ebf'),
	(107, '2026-03-23T01:30:00.000000+00:00', 's-zhou', 'tender.open', 'tender', 'tdr-62e4d93df6c5', '{"bids":4,"custodians_present":["p-wang","s-zhou"],"from":"closed","reason":null,"record_digest":"c00fb502405393146616747fc3a25b575a35ba256f8778110babb7b44e060760","stage":"bid","tender_id":"tdr-62e4d93df6c5","to":"opened","valid_bids":4}', '155592217bdfc90359780af9a5dc65242e3b48f8c1b39928c196ddba7931eb9b', 'c23531a020b3fa40b32ede83530c5c40293d5b32ce3abd15f79a8df2dd823ebf', '971941f0239b998b8a50d995b3251c2b240aeea75a93d5702de962b4e76ce815'),
	(108, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-01', '{"active":true,"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-01","name":"钱建材 (expert)","person_hashes":["ebc51cce55644e1077b2451999d0f7fe8e6d5b9e7fe3d0d5d3dd5d232114746d"],"relatives_at":[],"specialties":["materials"]}', '974905a5f0b9993929ff11d122d5a1d508e8ac148a08be6bc0fbb484e788a450', '971941f0239b998b8a50d995b3251c2b240aeea75a93d5702de962b4e76ce815', '369f05945977ebd7b039ecca2a966ac99e003dc31a5248fb1df5e30281c1ab4d'),
	(109, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-02', '{"active":true,"employer_id":"浙江工业大学","expert_id":"exp-02","name":"孙结构 (expert)","person_hashes":["dd668a501be984c914181db4d8dd63637591927ef5e313c80fa457790a09686f"],"relatives_at":[],"specialties":["materials"]}', 'ff83ec6868739a03e5b6e06036d5d3315e745df1c7f31239b00bb4c1c53448e8', '369f05945977ebd7b039ecca2a966ac99e003dc31a5248fb1df5e30281c1ab4d', 'ce2c37f6668a1ca352a77629574291ed5e87fa7eb9326aae6fa19faa47e26fb5'),
	(110, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-03', '{"active":true,"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-03","name":"李混凝土 (expert)","person_hashes":["30971a3f8e72e38b71bccec7c684604fef1ccc0ae9fa667e6874f0a09abcb07d"],"relatives_at":[],"specialties":["materials"]}', '46ef752c725002e4d5f78ea59f2ed5272bcbfc9912b7f1eb2cc39a778c7aca45', 'ce2c37f6668a1ca352a77629574291ed5e87fa7eb9326aae6fa19faa47e26fb5', '3767bb1898551f3e27dc230ecbc2ca6b80a0ed6339fc98ebf79893e04c24c55b'),
	(111, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-04', '{"active":true,"employer_id":"浙江工业大学","expert_id":"exp-04","name":"周造价 (expert)","person_hashes":["a5ed4ec46d3ec019c28ea9d77ddbe04e1906daa56b5c853e9d12fd987ad5d535"],"relatives_at":[],"specialties":["materials"]}', '7574da7d53d2d78e0c68022ddc8950f71b74bd427e37266c617debb3f5373783', '3767bb1898551f3e27dc230ecbc2ca6b80a0ed6339fc98ebf79893e04c24c55b', '054686546c61641f6602c8b1e01a4c53c663de33b0accabf0d4bd5ca671691b9'),
	(112, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-05', '{"active":true,"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-05","name":"吴材料 (expert)","person_hashes":["11d18d008301c754beb54a6f74c6356a1e5fde8de33cc898aec974145b28d80b"],"relatives_at":[],"specialties":["materials"]}', 'e7b8696dd33fe54cd9c4bad70509444c8c1835fffc03563faad6395f9b5cc3a7', '054686546c61641f6602c8b1e01a4c53c663de33b0accabf0d4bd5ca671691b9', '1d290da7a94bdf88e6fd0be28b0d86c40ac38362f3fff43c6a4b65baee92dd43'),
	(113, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-06', '{"active":true,"employer_id":"浙江工业大学","expert_id":"exp-06","name":"郑试验 (expert)","person_hashes":["41177f2106e594c9a1da9425ba888d9800437d2cc793677546bb3e64524749f0"],"relatives_at":["sup-ed6679e458a144c4"],"specialties":["materials"]}', '9d967d70c5adcca88cd17a4647e2e6159485bec28f521977b8adb9e3dbd3a4aa', '1d290da7a94bdf88e6fd0be28b0d86c40ac38362f3fff43c6a4b65baee92dd43', '0bba895e75f9a0a76e12b8371519ee48d7609d647e3ac9e7c326c22f11e6b4fa'),
	(114, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-07', '{"active":true,"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-07","name":"冯监理 (expert)","person_hashes":["df185fe3c1296c06600b77005f5bb4f33225cf994a0312c94d5e170ef895b81d"],"relatives_at":["sup-f7fc0cd2fb654da9"],"specialties":["materials"]}', 'a5fafc05a9837cf86182905f65b1e84a038ec1d1438995db71aaf99e2a090195', '0bba895e75f9a0a76e12b8371519ee48d7609d647e3ac9e7c326c22f11e6b4fa', '318a1d6fab57ab76d56e8a4c78a4829dbbee595ed781f2f2b6d6c05b94723636'),
	(115, '2026-03-23T01:30:00.000000+00:00', 'adm', 'expert.add', 'expert', 'exp-08', '{"active":true,"employer_id":"浙江工业大学","expert_id":"exp-08","name":"陈质检 (expert)","person_hashes":["4199c855911bb1d37c7650f074c24a614ffb7b805be20da2673c8d8c1eaf6575"],"relatives_at":["sup-310ab7d4022e4524"],"specialties":["materials"]}', 'd9c13de5b2d840491df0a582ab3728bb61d7920f68c2c375c8186f3840733929', '318a1d6fab57ab76d56e8a4c78a4829dbbee595ed781f2f2b6d6c05b94723636', '39236a181c1f9272d774192814b408c89ecf4e556f76085912a14abd6ae208fd'),
	(116, '2026-03-23T01:30:00.000000+00:00', 'p-wang', 'tender.draft', 'tender', 'tdr-88ceab12d308', '{"draft":{"bid_security":"20000.00","buyer":"浙江津义建设","category":"materials","ceiling_price":"1200000.00","custodians":[{"actor_id":"p-wang","name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","name":"孙财务 Sun","supervisor":false}],"deadline":"2026-04-13T01:30:00Z","estimate":"1150000.00","evaluation":{"criteria":[{"description":"","name":"供货方案 supply plan","part":"technical","weight":"30"},{"description":"","name":"质量保证 quality assurance","part":"technical","weight":"15"},{"description":"","name":"售后服务 after-sales","part":"commercial","weight":"15"}],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"comprehensive_scoring","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"15","price":"40","technical":"45"}},"invitees":[],"lots":[{"id":"L1","items":[{"name":"C30","quantity":"3000","specification":"","unit":"m³"}],"title":"C30 商品混凝土"}],"method":"open_tender","officers":[],"profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"threshold":2,"title":"C30 ready-mixed concrete, medical park phase 2"},"retender_of":null,"tender_id":"tdr-88ceab12d308"}', '3e6a9a3c113bf6efcc04027309a59b67eb7a85a3ef73b56a287e0219903cbfd4', '39236a181c1f9272d774192814b408c89ecf4e556f76085912a14abd6ae208fd', '3291978efddf4e71e4ef5d72239e46a96ea6932730ec8353ee522056a0b453b5'),
	(127, '2026-04-13T01:50:00.000000+00:00', 'exp-03', 'committee.declare', 'tender', 'tdr-88ceab12d308', '{"member_id":"exp-03","statement":"本人与各投标人无利害关系，承诺独立、客观、公正评审。","tender_id":"tdr-88ceab12d308"}', '5b9c0ba464935423222e10ac7817e32194f15d96e745715fa07275dc5cfaab4c', 'fc3ef5f231f8ac790ee16676de2e94f9d46518a144a452869a2d6440c4b1ee82', '40e3e0ccf74a0f3c6926d6e99a9d8c3611215eda0e263689e5d3de79d0914726'),
	(128, '2026-04-13T01:50:00.000000+00:00', 'exp-05', 'committee.declare', 'tender', 'tdr-88ceab12d308', '{"member_id":"exp-05","statement":"本人与各投标人无利害关系，承诺独立、客观、公正评审。","tender_id":"tdr-88ceab12d308"}', '8f7dca361c4973518344395243da9dd766f073113bd539cbb52e7050a6f57d1d', '40e3e0ccf74a0f3c6926d6e99a9d8c3611215eda0e263689e5d3de79d0914726', '1b834b3968b217ce53eca9872c0bd9cfb7d9f1e02c763b37f98ade8e25bd88d6'),
	(117, '2026-03-23T01:30:00.000000+00:00', 'p-wang', 'tender.publish', 'tender', 'tdr-88ceab12d308', '{"bid_security":"20000.00","buyer":"浙江津义建设","category":"materials","ceiling_price":"1200000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","index":3,"name":"孙财务 Sun","supervisor":false}],"deadline":"2026-04-13T01:30:00+00:00","evaluation":{"criteria":[{"description":"","name":"供货方案 supply plan","part":"technical","weight":"30"},{"description":"","name":"质量保证 quality assurance","part":"technical","weight":"15"},{"description":"","name":"售后服务 after-sales","part":"commercial","weight":"15"}],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"comprehensive_scoring","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"15","price":"40","technical":"45"}},"from":"draft","invitees":[],"lots":[{"id":"L1","items":[{"name":"C30","quantity":"3000","specification":"","unit":"m³"}],"title":"C30 商品混凝土"}],"method":"open_tender","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"61ba2d2306202c47538128be318ef365bce3eb7aa14b5c60f61fcbfcbcf5c50c","rules_digest":"6aee9409ddf90787e429532b181a07a5374a86d835a8b8052781cf908355c5ce","share_fingerprints":["954bb2c1d9b6d82033b4c4e01e7bb98949a5cbe68ac3d84194c711bf29d22355","1ccdab0c006c4a8533e3fe3b43215d42177e1f56bfb6e1c154a9a98d30163c15","29b67bda8ad279b8c7f53211789b35f416518d721acc10991befa100bb8f1783"],"tender_id":"tdr-88ceab12d308","threshold":2,"title":"C30 ready-mixed concrete, medical park phase 2","to":"published","two_envelopes":false}', '5745704b0555fcf86d8f58337bca1d7891d70ec9dedcdf5182d1ad51ad99cf8b', '3291978efddf4e71e4ef5d72239e46a96ea6932730ec8353ee522056a0b453b5', '4852550ce11acf93f7a91c07b9ff065b6764ce177d6e7e79ef606f3e83158177'),
	(118, '2026-03-23T01:30:00.000000+00:00', 'u-sup-ed6679e458a144c4', 'bid.submit', 'bid', 'bid-9344de532054', '{"bid_id":"bid-9344de532054","envelope_hash":"31f54a7dd6d0175a8c334f7a95e6f513ba1892c53b0fa7026bb4b133eb88eca5","received_at":"2026-03-23T01:30:00+00:00","signature":"a2815a4d7766419d8d4052108478888cbeb702c6fbe194b0bc9042514851a3074fe3c743c0c6f936ff9adcf3c8b3380ff5126d7ecbd7916aed9f881f379ce10b","supplier_id":"sup-ed6679e458a144c4","tender_id":"tdr-88ceab12d308","version":1}', '34b97a722c7bc5d47bc553079334c6ad10ae82413ed206142d1613d8e6a9a86e', '4852550ce11acf93f7a91c07b9ff065b6764ce177d6e7e79ef606f3e83158177', 'e27fae1c3fe1db68d9e1c49207e8590f03115cf0bc1f34861bb5cd5d0af825d5'),
	(119, '2026-03-23T06:30:00.000000+00:00', 'u-sup-f7fc0cd2fb654da9', 'bid.submit', 'bid', 'bid-6c352320dfb5', '{"bid_id":"bid-6c352320dfb5","envelope_hash":"14ac469ad7290aa52ec6c0932ca80f2d75af41b8adad46804ba7f7343478666c","received_at":"2026-03-23T06:30:00+00:00","signature":"7bded5019ac02f8f5a7092b4404269f0b470268cc3ff45b4324c9a890b8cc4b9fd5ce483eb6047ab612571a02b52a8574ac3e9b60bc259343528b05e74b60d0d","supplier_id":"sup-f7fc0cd2fb654da9","tender_id":"tdr-88ceab12d308","version":1}', '952d5990766178d21136fd35f0c91ba2fd18d9a70b68fa87d8a0f70ad1de0b14', 'e27fae1c3fe1db68d9e1c49207e8590f03115cf0bc1f34861bb5cd5d0af825d5', 'f11597623e1771a0bbce255d5cc8558d1d2198173508337b8df808cbce607955'),
	(120, '2026-03-23T11:30:00.000000+00:00', 'u-sup-310ab7d4022e4524', 'bid.submit', 'bid', 'bid-d689ff6fb242', '{"bid_id":"bid-d689ff6fb242","envelope_hash":"d839de4f2770fcc3aca9b8031e6ad17c5b73fe4a0d54d1573c6d4c2f4887d4b8","received_at":"2026-03-23T11:30:00+00:00","signature":"9848ee0d53187860cc5e88d94c031e2c446db8b7cb8b52ee3d6302eab49068a985f60799d79a323cf4e66cb066d6d73ade2481e15236997290264852497f4701","supplier_id":"sup-310ab7d4022e4524","tender_id":"tdr-88ceab12d308","version":1}', '6e1134a439ded3f0e11296606d322cd4ce0f7a8f57eb7dea50bb8b86ef74248f', 'f11597623e1771a0bbce255d5cc8558d1d2198173508337b8df808cbce607955', 'dc02a474e6d12b8b6c2cf93fa74e6bfca9cf7faf5f0501c9d15447d27d2e12b5'),
	(121, '2026-03-23T16:30:00.000000+00:00', 'u-sup-76f83fc14410465b', 'bid.submit', 'bid', 'bid-029769425bca', '{"bid_id":"bid-029769425bca","envelope_hash":"d9d89c3a3f22b7fb60f92b40302a9c910ca316ca70dcd63c0049154a00757ef7","received_at":"2026-03-23T16:30:00+00:00","signature":"131e114c083076360cfeddae3780e8fdf7ae74819fa5ddb019516a81176cc9ab0f222f4743a4a68e3f3c87be043875891c53d39f5da2b9938e0bd2375a2be504","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-88ceab12d308","version":1}', '81de601db9216b55df0f613e275055ace086c9ee7a6599c05613cd4fda3ab090', 'dc02a474e6d12b8b6c2cf93fa74e6bfca9cf7faf5f0501c9d15447d27d2e12b5', '70d081d70939de18aae5699f11f4af2132a2e44e5faad8217818d2254f2979a3'),
	(122, '2026-04-13T01:50:00.000000+00:00', 's-zhou', 'tender.close', 'tender', 'tdr-88ceab12d308', '{"deadline":"2026-04-13T01:30:00+00:00","from":"published","tender_id":"tdr-88ceab12d308","to":"closed"}', '2c5b139805bdcc4fef9fc5bfaae88d2fbfd7f39c4170e5f02a63ce9495c22c2a', '70d081d70939de18aae5699f11f4af2132a2e44e5faad8217818d2254f2979a3', '83c7b3f0ecca655e39f1eae9e1c0f26c0ec61ebecf337c2350c4e6cfd24cc7f4'),
	(123, '2026-04-13T01:50:00.000000+00:00', 's-zhou', 'tender.open', 'tender', 'tdr-88ceab12d308', '{"bids":4,"custodians_present":["s-zhou","f-sun"],"from":"closed","reason":null,"record_digest":"15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9","stage":"bid","tender_id":"tdr-88ceab12d308","to":"opened","valid_bids":4}', '18d082258cda86cc033e005e3d73ddd03d7fd1424406510e0018df218aab7ba4', '83c7b3f0ecca655e39f1eae9e1c0f26c0ec61ebecf337c2350c4e6cfd24cc7f4', '3a155b20aebe4a37b66c5bda2738882e024657ffe383a5a3a0e0b54f6877ca09'),
	(124, '2026-04-13T01:50:00.000000+00:00', 'p-wang', 'committee.draw', 'tender', 'tdr-88ceab12d308', '{"draw_time":"2026-04-13T01:50:00.000000+00:00","from":"opened","members":["exp-01","exp-04","exp-03","exp-05","t-chen"],"opening_digest":"15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9","recusals":[{"bidder_id":"sup-f7fc0cd2fb654da9","code":"recusal.relative","en":"has a declared relative at bidder sup-f7fc0cd2fb654da9","expert_id":"exp-07","zh":"近亲属在投标人 sup-f7fc0cd2fb654da9 任职"},{"bidder_id":"sup-310ab7d4022e4524","code":"recusal.relative","en":"has a declared relative at bidder sup-310ab7d4022e4524","expert_id":"exp-08","zh":"近亲属在投标人 sup-310ab7d4022e4524 任职"},{"bidder_id":"sup-ed6679e458a144c4","code":"recusal.relative","en":"has a declared relative at bidder sup-ed6679e458a144c4","expert_id":"exp-06","zh":"近亲属在投标人 sup-ed6679e458a144c4 任职"}],"seed_hex":"030765a409128b57c2eb2ff690cfb2ed96359c256421733ad04b3ec5031fe2a1","size":5,"tender_id":"tdr-88ceab12d308","to":"evaluating"}', '3ec4a7419f67b686e8d7130d8aa3b7d2fe721194a45744e33b173b01338bc23a', '3a155b20aebe4a37b66c5bda2738882e024657ffe383a5a3a0e0b54f6877ca09', '46856e457124f6a1121c88dc6b5ae749a68078bd42065a8516a30e077a7c09ad'),
	(125, '2026-04-13T01:50:00.000000+00:00', 'exp-01', 'committee.declare', 'tender', 'tdr-88ceab12d308', '{"member_id":"exp-01","statement":"本人与各投标人无利害关系，承诺独立、客观、公正评审。","tender_id":"tdr-88ceab12d308"}', '8576df6c839aef54d2d007e7b7ed0ad0a89af1c1a006a0b46f97fd726bbf1af0', '46856e457124f6a1121c88dc6b5ae749a68078bd42065a8516a30e077a7c09ad', '9c1d1ce974ae7e798a4ba8e4864dc46ef9a4f724b9115a093f68057d8c6ccba7'),
	(126, '2026-04-13T01:50:00.000000+00:00', 'exp-04', 'committee.declare', 'tender', 'tdr-88ceab12d308', '{"member_id":"exp-04","statement":"本人与各投标人无利害关系，承诺独立、客观、公正评审。","tender_id":"tdr-88ceab12d308"}', '6d17b5d984032ff0530c4ad37cef759fcbb7fd57bb23e612d384ed18c5745c60', '9c1d1ce974ae7e798a4ba8e4864dc46ef9a4f724b9115a093f68057d8c6ccba7', 'fc3ef5f231f8ac790ee16676de2e94f9d46518a144a452869a2d6440c4b1ee82'),
	(129, '2026-04-13T01:50:00.000000+00:00', 't-chen', 'committee.declare', 'tender', 'tdr-88ceab12d308', '{"member_id":"t-chen","statement":"本人与各投标人无利害关系，承诺独立、客观、公正评审。","tender_id":"tdr-88ceab12d308"}', '9d0604cf33aa938801ad898dc797af3faafafbbcf53686a5d5610f78c5608319', '1b834b3968b217ce53eca9872c0bd9cfb7d9f1e02c763b37f98ade8e25bd88d6', '21353547a6326fadedccfc70467c38e87c813a4bc33c238cbe11763882b8eff5'),
	(130, '2026-04-13T01:50:00.000000+00:00', 'f-sun', 'evaluation.bid_security', 'tender', 'tdr-88ceab12d308', '{"payments":{"sup-310ab7d4022e4524":"20000.00","sup-76f83fc14410465b":"20000.00","sup-ed6679e458a144c4":"20000.00","sup-f7fc0cd2fb654da9":"20000.00"},"tender_id":"tdr-88ceab12d308"}', '3489130578e5392f5b3a21254ff1e2e15ac2ffba24a44e7e6f063deaf6ea250c', '21353547a6326fadedccfc70467c38e87c813a4bc33c238cbe11763882b8eff5', '4bef1bce4083aec3a6bacd5a5c98cfa8888365a0dcaad7d56ebe002f6b129914'),
	(131, '2026-04-13T01:50:00.000000+00:00', 'exp-01', 'evaluation.compliance', 'tender', 'tdr-88ceab12d308', '{"excluded":{},"lots":{"L1":{"abnormal":["bid-029769425bca"],"compliant":4,"failed":false}},"tender_id":"tdr-88ceab12d308"}', 'bf86ef6f65b24ad0829ce98eecf315eb07f603ab0f3e1fc142eab35dead25208', '4bef1bce4083aec3a6bacd5a5c98cfa8888365a0dcaad7d56ebe002f6b129914', 'e515093eac984a837ae1e79102716572b6a71660d28e10aa2c79f7ab8f3db90c'),
	(132, '2026-04-13T01:50:00.000000+00:00', 'exp-04', 'evaluation.abnormal', 'tender', 'tdr-88ceab12d308', '{"bid_id":"bid-029769425bca","decision":"explanation_accepted","explanation":"自有搅拌站与砂石矿，附成本测算 / own batching plant and quarry; cost sheet","lot_id":"L1","lot_status":"evaluating","tender_id":"tdr-88ceab12d308"}', 'b7d6c3a14c1d3d9439b1bbef1127673cde12398b66de9ab0a01cbaa2da076eb6', 'e515093eac984a837ae1e79102716572b6a71660d28e10aa2c79f7ab8f3db90c', '28b4a9ceea7e7b262a8ef50d57bc8c798df30f40068d806a87eeb9543d4e8bb7'),
	(133, '2026-04-13T01:50:00.000000+00:00', 'exp-04', 'evaluation.score_sheet', 'tender', 'tdr-88ceab12d308', '{"bids":4,"digest":"e92e283113fad416efa87aa214b8360397be80ac7514fa8aba2c21a4a1c3bd41","lot_id":"L1","member_id":"exp-04","tender_id":"tdr-88ceab12d308"}', '1120f42683729a5865b9937798ea3ded7d0d957faf0e9f3f8d614f831c891c09', '28b4a9ceea7e7b262a8ef50d57bc8c798df30f40068d806a87eeb9543d4e8bb7', '3028814bc3b945c0dc51797d3a132f5ba3c830f61f9f816458fc71dc579e34d8'),
	(134, '2026-04-13T01:50:00.000000+00:00', 'exp-01', 'evaluation.score_sheet', 'tender', 'tdr-88ceab12d308', '{"bids":4,"digest":"00bdf09182a679ba70672d7665da7054f952226d84b915159103e1b0d8d46aba","lot_id":"L1","member_id":"exp-01","tender_id":"tdr-88ceab12d308"}', 'b715ed519bec34216252b4c40d132b0e9b544da6a2a8e22a789093b83768d2f1', '3028814bc3b945c0dc51797d3a132f5ba3c830f61f9f816458fc71dc579e34d8', 'c798e9746b812c714ec9edd1584498a4605d307e3c6a4b447ff6ce5f6dfb1c69'),
	(135, '2026-04-13T01:50:00.000000+00:00', 'exp-05', 'evaluation.score_sheet', 'tender', 'tdr-88ceab12d308', '{"bids":4,"digest":"00bdf09182a679ba70672d7665da7054f952226d84b915159103e1b0d8d46aba","lot_id":"L1","member_id":"exp-05","tender_id":"tdr-88ceab12d308"}', 'b6903c76b3f4bd0e9ab1606ea9080cff0f676e51d0418bdf90b7d95514af9a43', 'c798e9746b812c714ec9edd1584498a4605d307e3c6a4b447ff6ce5f6dfb1c69', '846fa90cb64253f0bb7bfa7d55e99208f51407d60b36df8cb5418ed645d94636'),
	(136, '2026-04-13T01:50:00.000000+00:00', 'exp-03', 'evaluation.score_sheet', 'tender', 'tdr-88ceab12d308', '{"bids":4,"digest":"a9d0740d38a780f675f1689ebecaae5d6282ab1e8b20da18ce8aef919e26bace","lot_id":"L1","member_id":"exp-03","tender_id":"tdr-88ceab12d308"}', '5d02eb2fa1fd8d726a10373057d45334afb8e9d4061599d88e7691ef93679076', '846fa90cb64253f0bb7bfa7d55e99208f51407d60b36df8cb5418ed645d94636', '609b0729cbe6ff8aae99a104a24e51b5d2921737d167f7d4f4e164ed6585844b'),
	(137, '2026-04-13T01:50:00.000000+00:00', 't-chen', 'evaluation.score_sheet', 'tender', 'tdr-88ceab12d308', '{"bids":4,"digest":"9122a2865b9cc4833905ced4df8205296b1624fa71550106b9ccaba13acf8133","lot_id":"L1","member_id":"t-chen","tender_id":"tdr-88ceab12d308"}', 'b8409e59af67e1926eb23680ec5ed9a19e187c1140f46e234055ed1a40f756f1', '609b0729cbe6ff8aae99a104a24e51b5d2921737d167f7d4f4e164ed6585844b', '59e131d6053634c16764159463f814a0f833e822973846c28a8fd0e591b550c1'),
	(138, '2026-04-13T01:50:00.000000+00:00', 'exp-01', 'evaluation.report', 'tender', 'tdr-88ceab12d308', '{"candidates":{"L1":[{"bid_id":"bid-029769425bca","evaluated_price":null,"price":"640000.00","rank":1,"supplier_id":"sup-76f83fc14410465b","total":"88.33"},{"bid_id":"bid-9344de532054","evaluated_price":null,"price":"1080000.00","rank":2,"supplier_id":"sup-ed6679e458a144c4","total":"56.00"},{"bid_id":"bid-6c352320dfb5","evaluated_price":null,"price":"1105000.00","rank":3,"supplier_id":"sup-f7fc0cd2fb654da9","total":"55.33"}]},"failed_lots":[],"from":"evaluating","method":"comprehensive","publicity_ends":"2026-04-16T16:00:00+00:00","publicity_starts":"2026-04-13T01:50:00+00:00","report_digest":"f17086bf87560f772db8732c25d52bacb6bc9efd6eafdb7c61166c9ae3aaeae1","tender_id":"tdr-88ceab12d308","to":"publicising"}', 'e737a093234282924651aa0a105375381db08f4fe63722d15239430b212ccd18', '59e131d6053634c16764159463f814a0f833e822973846c28a8fd0e591b550c1', '1407ee725dbd3e59e94e6def7c98e3c2c83470cc2b34dce143e97ab49e8aef76'),
	(139, '2026-04-13T01:50:00.000000+00:00', 'p-wang', 'inquiry.sign', 'tender', 'tdr-b1ed6cf79877', '{"officer_id":"p-wang","tender_id":"tdr-b1ed6cf79877"}', 'f7315384b7177e33f8d175e94c39faa2e51b7d2128cea98c0942be7b36ce92a4', '1407ee725dbd3e59e94e6def7c98e3c2c83470cc2b34dce143e97ab49e8aef76', 'd72ae1d43bde44b8f1c44abd5fe6d7bbb0906998556580be8d28e2f453b8a6b7'),
	(140, '2026-04-13T01:50:00.000000+00:00', 'p-li', 'inquiry.sign', 'tender', 'tdr-b1ed6cf79877', '{"officer_id":"p-li","tender_id":"tdr-b1ed6cf79877"}', 'dd63bf04a0659038db88ff1f5fe905e93e5fad641cb921c2318cd30f11dfc94b', 'd72ae1d43bde44b8f1c44abd5fe6d7bbb0906998556580be8d28e2f453b8a6b7', '76945fd9e68852fe8a801b496a7904b03580e7babb18f07196971a7c0535bd54'),
	(141, '2026-04-13T01:50:00.000000+00:00', 'p-li', 'inquiry.decide', 'tender', 'tdr-b1ed6cf79877', '{"from":"opened","record_hash":"e8adfa5ae02bc3984f562977955a91a2ece9872180ea3eaedeef826e26c4e31c","signatures":["p-li","p-wang"],"tender_id":"tdr-b1ed6cf79877","to":"evaluating"}', '5e50e74e82f97fa442ffcbc54ae735fe28e020f8bc4ab518a707e58a7b39c63e', '76945fd9e68852fe8a801b496a7904b03580e7babb18f07196971a7c0535bd54', 'ed290025c4569bbc4505cf9b777364ecdf7705004b6fb07266c1deaab3099287'),
	(142, '2026-04-13T01:50:00.000000+00:00', 'p-li', 'inquiry.decide', 'tender', 'tdr-b1ed6cf79877', '{"from":"evaluating","lots":[{"lot_id":"L1","lowest":"sup-a863517f6dd84f71","override":null,"price":"352000.00","ranked":["sup-a863517f6dd84f71","sup-2ad2c830879740a1","sup-df2dcb2391a14b78"],"winner":"sup-a863517f6dd84f71"}],"publicity_ends":"2026-04-16T16:00:00+00:00","record_hash":"e8adfa5ae02bc3984f562977955a91a2ece9872180ea3eaedeef826e26c4e31c","tender_id":"tdr-b1ed6cf79877","to":"publicising"}', '6770d20838f8f164bc304970c0669e6a4c10df1141915439c0d1aeee8db4a240', 'ed290025c4569bbc4505cf9b777364ecdf7705004b6fb07266c1deaab3099287', '3dcf68574ceab3a43221f32cf112808552df08dd0c9293d1bccc1ccca81f3c77'),
	(143, '2026-04-13T01:50:00.000000+00:00', 'u-sup-ed6679e458a144c4', 'evaluation.objection', 'tender', 'tdr-88ceab12d308', '{"lot_id":null,"objection_id":"obj-477f103ee0bd","supplier_id":"sup-ed6679e458a144c4","tender_id":"tdr-88ceab12d308","text":"第一中标候选人业绩证明存疑 / doubt the winner''s references"}', '5046399569f8e81034b56131d2aad75ea862eb8b1c3c2b6ed2bbb7dc53dcfd61', '3dcf68574ceab3a43221f32cf112808552df08dd0c9293d1bccc1ccca81f3c77', '75a03c8bdfb50f8b00476adbbf8d82790d139abf3ac962f4204fafdae8b9e80b'),
	(144, '2026-04-16T16:00:00.000000+00:00', 's-zhou', 'evaluation.objection_answer', 'tender', 'tdr-88ceab12d308', '{"answer":"经核查业绩证明真实，异议不成立 / references verified","objection_id":"obj-477f103ee0bd","tender_id":"tdr-88ceab12d308"}', '09fbfee70cfed51888e28f1b8c03932f9963d71118c528e6d8168a966c3f26fc', '75a03c8bdfb50f8b00476adbbf8d82790d139abf3ac962f4204fafdae8b9e80b', 'f0edcbd96666e1d1e0dff0c7f50c2d9bf9de7afba804668bfd55e1d2bce3d057'),
	(145, '2026-04-16T16:00:00.000000+00:00', 'p-wang', 'award.decide', 'tender', 'tdr-88ceab12d308', '{"awards":[{"amount":"640000.00","amount_in_words":"陆拾肆万元整","award_id":"awd-20b82675e979","bid_id":"bid-029769425bca","contract_id":"ctr-65ca40ea1e4c","lot_id":"L1","rank":1,"removed":[],"supplier_id":"sup-76f83fc14410465b"}],"contract_sign_by":"2026-05-17T16:00:00+00:00","from":"publicising","tender_id":"tdr-88ceab12d308","to":"awarded"}', '5eeed8ef8f4c9c62cd2eb1160c5e9b26a1abe5865baa7bc2f856c038f689e3c7', 'f0edcbd96666e1d1e0dff0c7f50c2d9bf9de7afba804668bfd55e1d2bce3d057', 'aaa20f1a519a45dc786d41548a5003c93e7a6e8d1320ff5782f3e8310ccaa65d'),
	(146, '2026-04-16T16:00:00.000000+00:00', 'p-wang', 'award.decide', 'tender', 'tdr-b1ed6cf79877', '{"awards":[{"amount":"352000.00","amount_in_words":"叁拾伍万贰仟元整","award_id":"awd-fbb843eab39e","bid_id":"bid-eb73f442c6f9","contract_id":"ctr-ca12a89b94e7","lot_id":"L1","rank":1,"removed":[],"supplier_id":"sup-a863517f6dd84f71"}],"contract_sign_by":"2026-05-17T16:00:00+00:00","from":"publicising","tender_id":"tdr-b1ed6cf79877","to":"awarded"}', '37debdbc13a2a7066ccba168a850f34d5b9018f740736fa2242bc3a521956ac0', 'aaa20f1a519a45dc786d41548a5003c93e7a6e8d1320ff5782f3e8310ccaa65d', '14c0bf7a8b108c6f6f3e035d43769c4dfc8aef30831a423c9f641c2f102bb3b1'),
	(147, '2026-04-16T16:00:00.000000+00:00', 'u-sup-76f83fc14410465b', 'contract.sign', 'contract', 'ctr-65ca40ea1e4c', '{"amount":"640000.00","contract_id":"ctr-65ca40ea1e4c","lot_id":"L1","signed_by":"u-sup-76f83fc14410465b","status":"pending_signature","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-88ceab12d308"}', '53da096b863cfaba524fe6e28d66bebe56a21891de75dbd1ddd308b17f323eec', '14c0bf7a8b108c6f6f3e035d43769c4dfc8aef30831a423c9f641c2f102bb3b1', '764b7f3d876d3f66ed0d13dfc03b4a5be2c2a8bae80cb97bd16f5232885f94af'),
	(148, '2026-04-16T16:00:00.000000+00:00', 'p-wang', 'contract.sign', 'tender', 'tdr-88ceab12d308', '{"amount":"640000.00","contract_id":"ctr-65ca40ea1e4c","from":"awarded","lot_id":"L1","signed_by":"p-wang","status":"signed","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-88ceab12d308","to":"contracted"}', '469ab11e7a5ca9c88289aafcbfc5de2a8204e16f3c32ab8f56b41ac8baa4cb6f', '764b7f3d876d3f66ed0d13dfc03b4a5be2c2a8bae80cb97bd16f5232885f94af', 'f1a61f8014e2e323396e4f29491653aca47e0b08599c8255a755ffe8e77b3c36'),
	(149, '2026-04-16T16:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-76f83fc14410465b', '{"contract_id":"HT-2026-03-017","event_id":10,"kind":"on_time_delivery","note":"","occurred_at":"2026-03-20T02:00:00Z","severity":1,"supplier_id":"sup-76f83fc14410465b"}', '465db277d0ef0b8c5224584f383d45bcfb537b588066b376bfe0bb402a7d2317', 'f1a61f8014e2e323396e4f29491653aca47e0b08599c8255a755ffe8e77b3c36', '359a78de291464f7c307131707409ff9a9d39c756eaccce3d5c599531e2b02dd'),
	(150, '2026-04-16T16:00:00.000000+00:00', 'p-wang', 'supplier.period.close', 'performance_period', 'month:2026-03', '{"ends_at":"2026-03-31T16:00:00+00:00","grades":{"A":1},"kind":"month","label":"2026-03","scored":1,"settings":{"deductions":{"bribery":100,"collusion":100,"compliance_breach":10,"falsified_documents":100,"late_delivery":5,"on_time_delivery":0,"quality_defect":6,"safety_incident":10,"service_complaint":4},"default_ban_days":1095,"grade_a":90,"grade_b":75,"grade_c":60,"min_inspectors":2,"site_inspection_threshold":"1000000","weights":{"compliance":10,"delivery":30,"quality":30,"safety":20,"service":10}},"starts_at":"2026-02-28T16:00:00+00:00"}', 'a58e945a034e02eb7701cc14a187503ab9983da88e1344072da85760c21f30dd', '359a78de291464f7c307131707409ff9a9d39c756eaccce3d5c599531e2b02dd', '52903eaddce719afd1ecee53f201151f6a099615f602c50d545214a60cd3c617'),
	(151, '2026-04-16T16:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-76f83fc14410465b', '{"contract_id":"ctr-65ca40ea1e4c","event_id":11,"kind":"late_delivery","note":"","occurred_at":"2026-04-16T16:00:00Z","severity":4,"supplier_id":"sup-76f83fc14410465b"}', '60db541a32e7953a184bc8183078ac78ded9bd4ac05f448562a57163c6a0aa2e', '52903eaddce719afd1ecee53f201151f6a099615f602c50d545214a60cd3c617', '05a6a2dcb2a07c81ad72bd8cddd2de4b62f7b1d0a05748daa03bcf3164f88bcc'),
	(152, '2026-04-19T16:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-76f83fc14410465b', '{"contract_id":"ctr-65ca40ea1e4c","event_id":12,"kind":"quality_defect","note":"","occurred_at":"2026-04-19T16:00:00Z","severity":5,"supplier_id":"sup-76f83fc14410465b"}', 'b3bec6d0a14d1ff699551d2e793c48805358553f76aac09f3dc70ab413016aeb', '05a6a2dcb2a07c81ad72bd8cddd2de4b62f7b1d0a05748daa03bcf3164f88bcc', '836af9694daedf8a6a8beab0513021090fb2facf62c9d241c08bca5446db9116'),
	(153, '2026-04-22T16:00:00.000000+00:00', 'q-zhao', 'supplier.performance.record', 'supplier', 'sup-76f83fc14410465b', '{"contract_id":"ctr-65ca40ea1e4c","event_id":13,"kind":"safety_incident","note":"","occurred_at":"2026-04-22T16:00:00Z","severity":3,"supplier_id":"sup-76f83fc14410465b"}', '8220ae18dda6337d856529f31286d953e1271d2ea542fff6e24670c1d627ad9d', '836af9694daedf8a6a8beab0513021090fb2facf62c9d241c08bca5446db9116', '3ecf96e5d47b4266677fa905cbeaee133c1eb1c776b50c48dda897a9fd34370a'),
	(154, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.period.close', 'performance_period', 'month:2026-04', '{"ends_at":"2026-04-30T16:00:00+00:00","grades":{"B":1},"kind":"month","label":"2026-04","scored":1,"settings":{"deductions":{"bribery":100,"collusion":100,"compliance_breach":10,"falsified_documents":100,"late_delivery":5,"on_time_delivery":0,"quality_defect":6,"safety_incident":10,"service_complaint":4},"default_ban_days":1095,"grade_a":90,"grade_b":75,"grade_c":60,"min_inspectors":2,"site_inspection_threshold":"1000000","weights":{"compliance":10,"delivery":30,"quality":30,"safety":20,"service":10}},"starts_at":"2026-03-31T16:00:00+00:00"}', '7c1dc279c6331a9deb0f31768f660e9c17f2bd51a6b2635b3fa0f2b517e4dc14', '3ecf96e5d47b4266677fa905cbeaee133c1eb1c776b50c48dda897a9fd34370a', '1ab1da607e1328ce88d2cd75f104ab6f1b605428f14d8a49681cd35a7a8039c2'),
	(155, '2026-05-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-0228d968ecad47f5', '{"address":"浙江省义乌市北苑街道春华路88号","bank_account":"6228 0579 90007101","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"600000.00","contacts":[{"email":"","name":"联系人7101","phone":"13857907101"}],"credit_code":"91330782NRW0369CFC","legal_representative":"楼建国","legal_representative_id":{"hmac":"c093595a9866e4b9830c769df4b4b8a87650494d26ffecccb2ddbe4d0f806d9f"},"name":"义乌鼎盛劳务有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"busi-7101","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"labo-7101","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"work-7101","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'c7fd690e01b68ccf92f44df818b06a0f96176853ac24fefb077f37d66c15282b', '1ab1da607e1328ce88d2cd75f104ab6f1b605428f14d8a49681cd35a7a8039c2', '3be9c73d15fe5eb624c596a396315d06645bfdb25d23e5ad1967b83800c16733'),
	(156, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-0228d968ecad47f5', '{"comment":"符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'efb915b3f58a96127559493bd2976f4a412ac9a7106afffaf3d3cf9ed11c7c55', '3be9c73d15fe5eb624c596a396315d06645bfdb25d23e5ad1967b83800c16733', '1426c528c97f6400d93d59bc2be0ccc2f820e93d7f24cfb908340d0643771a24'),
	(157, '2026-05-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-0228d968ecad47f5', '{"comment":"符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b5cfa4c97d441f2a10aff3746f630f5f4c64e7445386c03fdf7c237e63267c83', '1426c528c97f6400d93d59bc2be0ccc2f820e93d7f24cfb908340d0643771a24', 'e362bd7d54ac4de8a92a7a4361649b7f30bd37eed90ed00976a7dcbe9734a182'),
	(158, '2026-05-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-0228d968ecad47f5', '{"comment":"符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', '5506dc3b5f7c0d13b4f146ed281fd9526c32a9bcaad24d230f187ff1d3238013', 'e362bd7d54ac4de8a92a7a4361649b7f30bd37eed90ed00976a7dcbe9734a182', 'b5027bc4de6f189b2bb4bf40a1217ea2c884123d338cc1e1c4a5f686dd837604'),
	(159, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-0228d968ecad47f5', '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '7cce604df3655594e730059842e5e14626885a25fad7bcf0c9829f9992c34869', 'b5027bc4de6f189b2bb4bf40a1217ea2c884123d338cc1e1c4a5f686dd837604', 'e6716b5d0cd299d578b537f31ac9f5691d892ee1bf35602dccc70ab3d7b23a63'),
	(160, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-0228d968ecad47f5', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', 'e6716b5d0cd299d578b537f31ac9f5691d892ee1bf35602dccc70ab3d7b23a63', '3ce116faa039f30c18d08ea7555e9a077c0d3c6d105fecd6a6c236cb59d0b7ab'),
	(161, '2026-05-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-8d85a6ad14d24f5c', '{"address":"浙江省义乌市北苑街道春华路88号","bank_account":"6228 0579 90007102","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"600000.00","contacts":[{"email":"","name":"楼经理","phone":"13857907101"}],"credit_code":"91330782258BEHLPT1","legal_representative":"楼建国","legal_representative_id":{"hmac":"c093595a9866e4b9830c769df4b4b8a87650494d26ffecccb2ddbe4d0f806d9f"},"name":"义乌鼎鑫建筑劳务有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"busi-7102","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"labo-7102","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"work-7102","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', 'e7c7b4e0db2103e74411b4efa1ae5a0fe45197f53a28ae11abd6026759a9bc97', '3ce116faa039f30c18d08ea7555e9a077c0d3c6d105fecd6a6c236cb59d0b7ab', '9a85df70454e2e28d40af7e45c4a2d0fdc0a5fb0e720eb0677b815814a489cd6'),
	(162, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-8d85a6ad14d24f5c', '{"comment":"符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'efb915b3f58a96127559493bd2976f4a412ac9a7106afffaf3d3cf9ed11c7c55', '9a85df70454e2e28d40af7e45c4a2d0fdc0a5fb0e720eb0677b815814a489cd6', '820c08e3c4e0b5b48f0280c87af43cf9f11e8e8e73d6ec101baf233105b7e92c'),
	(163, '2026-05-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-8d85a6ad14d24f5c', '{"comment":"符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b5cfa4c97d441f2a10aff3746f630f5f4c64e7445386c03fdf7c237e63267c83', '820c08e3c4e0b5b48f0280c87af43cf9f11e8e8e73d6ec101baf233105b7e92c', '1e955873a3c9d5404949701271a8975dd0fa2655bbfc44f3320cd63d547389f7'),
	(164, '2026-05-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-8d85a6ad14d24f5c', '{"comment":"符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', '5506dc3b5f7c0d13b4f146ed281fd9526c32a9bcaad24d230f187ff1d3238013', '1e955873a3c9d5404949701271a8975dd0fa2655bbfc44f3320cd63d547389f7', '65545c4b58c7ae51f431dbf3c732ff19eca96f05bea3e5e5de4e49e208a321e5'),
	(165, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-8d85a6ad14d24f5c', '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '7cce604df3655594e730059842e5e14626885a25fad7bcf0c9829f9992c34869', '65545c4b58c7ae51f431dbf3c732ff19eca96f05bea3e5e5de4e49e208a321e5', '1b2e44e7af103d0fca135d2226c51d556b44b4623aed8b0f9e6546051d089c2b'),
	(166, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-8d85a6ad14d24f5c', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '1b2e44e7af103d0fca135d2226c51d556b44b4623aed8b0f9e6546051d089c2b', 'b709a728ccacacddd2c6eaba02881a59c26a3aeaf3c159fdda32454ff765d5d2'),
	(167, '2026-05-02T01:00:00.000000+00:00', 'p-li', 'supplier.register', 'supplier', 'sup-59eec51614594e58', '{"address":"浙江省义乌市佛堂镇工业区7103号","bank_account":"6228 0579 90007103","bank_name":"义乌农商银行","categories":["labour"],"ceiling":"600000.00","contacts":[{"email":"","name":"联系人7103","phone":"13857907103"}],"credit_code":"91330782DGKNRW036M","legal_representative":"法人7103","legal_representative_id":{"hmac":"b477d49f694158b7a38b9abd6373aadcb0863bb02a8975bc8dfe72a106313841"},"name":"金华正泰劳务有限公司","persons":[],"qualifications":[{"grade":"","issuer":"义乌市市场监督管理局","number":"busi-7103","type":"business_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"labo-7103","type":"labour_services_qualification","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"},{"grade":"","issuer":"义乌市市场监督管理局","number":"work-7103","type":"work_safety_licence","valid_from":"2020-01-01T00:00:00Z","valid_until":"2040-01-01T00:00:00Z"}]}', '00fe59cc7533ff03d6e53190b157ac4701b4e8ec4b974b78b2f54d57c268bb17', 'b709a728ccacacddd2c6eaba02881a59c26a3aeaf3c159fdda32454ff765d5d2', '28be927c4c023638a9d83855e38e5c526dee2ed358831558c669a517a5c9b9e4'),
	(168, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.review', 'supplier', 'sup-59eec51614594e58', '{"comment":"符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}', 'efb915b3f58a96127559493bd2976f4a412ac9a7106afffaf3d3cf9ed11c7c55', '28be927c4c023638a9d83855e38e5c526dee2ed358831558c669a517a5c9b9e4', '80c7155136799cbb4770d29efb6cba51d385f96f5bac245e340af2277f6ff9c7'),
	(169, '2026-05-02T01:00:00.000000+00:00', 'q-zhao', 'supplier.review', 'supplier', 'sup-59eec51614594e58', '{"comment":"符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}', 'b5cfa4c97d441f2a10aff3746f630f5f4c64e7445386c03fdf7c237e63267c83', '80c7155136799cbb4770d29efb6cba51d385f96f5bac245e340af2277f6ff9c7', '98f0b46bfa37fe06f02e90cdea15113a2fb9aaa398e60ce6cdc254f83cb3d9ae'),
	(170, '2026-05-02T01:00:00.000000+00:00', 't-chen', 'supplier.review', 'supplier', 'sup-59eec51614594e58', '{"comment":"符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}', '5506dc3b5f7c0d13b4f146ed281fd9526c32a9bcaad24d230f187ff1d3238013', '98f0b46bfa37fe06f02e90cdea15113a2fb9aaa398e60ce6cdc254f83cb3d9ae', '61d8623da7216a585d402fd85f80c83367e06fcac3d53b50ab7ae4adbb381eba'),
	(171, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.admit', 'supplier', 'sup-59eec51614594e58', '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}', '7cce604df3655594e730059842e5e14626885a25fad7bcf0c9829f9992c34869', '61d8623da7216a585d402fd85f80c83367e06fcac3d53b50ab7ae4adbb381eba', '1d74e74f5c479c03bcf580d2953a482906d3cdbd5dc9d00b41c03a5d92de876a'),
	(172, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'supplier.standing.admit', 'supplier', 'sup-59eec51614594e58', '{"event":"admit","from":null,"reason":"admitted","to":"active"}', '04cd8b337c47872e3ef52facde81739cab104fd5a70c6d9ed7cb505c2345653f', '1d74e74f5c479c03bcf580d2953a482906d3cdbd5dc9d00b41c03a5d92de876a', '47913df37dbace03af034322fb65ea56aeb990ca6ff8fb17c7331c3838e66fb2'),
	(173, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'tender.draft', 'tender', 'tdr-5c9cea1c045b', '{"draft":{"bid_security":"0.00","buyer":"浙江津义建设","category":"labour","ceiling_price":"320000.00","custodians":[{"actor_id":"p-wang","name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","name":"周纪检 Zhou","supervisor":true}],"deadline":"2026-05-06T01:00:00Z","estimate":"300000.00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"invitees":["sup-0228d968ecad47f5","sup-8d85a6ad14d24f5c","sup-59eec51614594e58"],"lots":[{"id":"L1","items":[{"name":"脚手架搭拆劳务 scaffolding labour","quantity":"5200","specification":"","unit":"m²"}],"title":"scaffolding"}],"method":"price_inquiry","officers":["p-wang","p-li"],"profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"threshold":2,"title":"Scaffolding labour, building 5 脚手架劳务"},"retender_of":null,"tender_id":"tdr-5c9cea1c045b"}', '9c97accf14ba223d791c852242638106d77eb0dad8255c23e9419bc9890f1939', '47913df37dbace03af034322fb65ea56aeb990ca6ff8fb17c7331c3838e66fb2', '71d0647a4ad8559123e7c447a8ef88412e2eadc7a832e1055b7d7219b81ee495'),
	(174, '2026-05-02T01:00:00.000000+00:00', 'p-wang', 'tender.publish', 'tender', 'tdr-5c9cea1c045b', '{"bid_security":"0.00","buyer":"浙江津义建设","category":"labour","ceiling_price":"320000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true}],"deadline":"2026-05-06T01:00:00+00:00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"from":"draft","invitees":["sup-0228d968ecad47f5","sup-8d85a6ad14d24f5c","sup-59eec51614594e58"],"lots":[{"id":"L1","items":[{"name":"脚手架搭拆劳务 scaffolding labour","quantity":"5200","specification":"","unit":"m²"}],"title":"scaffolding"}],"method":"price_inquiry","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"bae745ff39e33f4b143284b2cfa05a6c7117435d5eb0ab8aeb2760f93b85921f","rules_digest":"f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f","share_fingerprints":["28469614e9ead2beffc03c5597a332a8cdea55b94ff5b090b3cd949a3459099e","9dd0d9304203ba107a7f4fed78f93db51027bcf753fa9f2849a58d4bed791e17"],"tender_id":"tdr-5c9cea1c045b","threshold":2,"title":"Scaffolding labour, building 5 脚手架劳务","to":"published","two_envelopes":false}', '7f9172692e030c7b9efc64516c4ff20c6b6a5685d5aed502c20c3d214489f910', '71d0647a4ad8559123e7c447a8ef88412e2eadc7a832e1055b7d7219b81ee495', 'f537fefa1e5e47ec3c08cb92ae8621ce52218ae0c28dc6b69cbe67bee87a93e8'),
	(175, '2026-05-02T04:00:00.000000+00:00', 'u-sup-0228d968ecad47f5', 'bid.submit', 'bid', 'bid-e00921781728', '{"bid_id":"bid-e00921781728","envelope_hash":"3a59b010be3800f22e8b47a844764626118b776aa78903c932795788fb01e32e","received_at":"2026-05-02T04:00:00+00:00","signature":"5f2547681da096ebe11b80d4ae16f040303844a39591caddff545fc47cef860d8c214f4ad0cab12efaaf8da4a503ff8b650024fc896d5c3173d2a623a69b5d07","supplier_id":"sup-0228d968ecad47f5","tender_id":"tdr-5c9cea1c045b","version":1}', 'bf556538e5652394af685c5d0d50c0f10db3bfafa4d6c9488bf3a41269e9da0d', 'f537fefa1e5e47ec3c08cb92ae8621ce52218ae0c28dc6b69cbe67bee87a93e8', 'f1badbd7d2dc9ccdf110631e7709a5318c3c160c59c93c358fab50f9b7600158'),
	(176, '2026-05-02T07:00:00.000000+00:00', 'u-sup-8d85a6ad14d24f5c', 'bid.submit', 'bid', 'bid-e6b14267a613', '{"bid_id":"bid-e6b14267a613","envelope_hash":"9f5772745f676f6b135ff8fa65ae37239d46a9111fd8563f628093334adce0f1","received_at":"2026-05-02T07:00:00+00:00","signature":"c7508bfc8e35ac8fbff85344f91e15935f1f972476a8f291e01c3643f96e8f82075bb192eda9c5d511f9b21f0afd40020ed52274e400d57b50db89c158fc1f01","supplier_id":"sup-8d85a6ad14d24f5c","tender_id":"tdr-5c9cea1c045b","version":1}', '977ee3e1eb9f2136af4c76bbd4ff755886c8a487762e07d368be57d806f6d93f', 'f1badbd7d2dc9ccdf110631e7709a5318c3c160c59c93c358fab50f9b7600158', '5360ee411ac78d114ecca2d178174ed1f4f03a836b340cdd1f9980109b1b2136'),
	(177, '2026-05-02T10:00:00.000000+00:00', 'u-sup-59eec51614594e58', 'bid.submit', 'bid', 'bid-bf42afdebd17', '{"bid_id":"bid-bf42afdebd17","envelope_hash":"c47d6f0149e5092096aaaa5dfb4e4237b5a7e9dc9f74e7dcab6a3b5b4fbb8cdf","received_at":"2026-05-02T10:00:00+00:00","signature":"c161c6f73181f325adccbc7b36fbf2d63b48755cc02f5063ab05642bf1f444b783d87539a7815d3ace9de486f7748e49c002709f111b534330d4e99c59235b08","supplier_id":"sup-59eec51614594e58","tender_id":"tdr-5c9cea1c045b","version":1}', '98372097344982cfdfd7851adaf7f7a9f5dd6377df02b79fc052547a30e7b2a7', '5360ee411ac78d114ecca2d178174ed1f4f03a836b340cdd1f9980109b1b2136', '915823b40c1565a9a7fb8ea2e4e54466ce4bd45321d849f96bef3ebbe15061d5'),
	(178, '2026-05-06T01:10:00.000000+00:00', 's-zhou', 'tender.close', 'tender', 'tdr-5c9cea1c045b', '{"deadline":"2026-05-06T01:00:00+00:00","from":"published","tender_id":"tdr-5c9cea1c045b","to":"closed"}', '0062a82fa546d75fb695776372710923f6b095f46f7ca8e302978d3bbf8831b3', '915823b40c1565a9a7fb8ea2e4e54466ce4bd45321d849f96bef3ebbe15061d5', 'fb8211d468a65aa6355de130e65fb3628f496a6a6623b8c20ff41b14a2efcbba'),
	(179, '2026-05-06T01:10:00.000000+00:00', 's-zhou', 'tender.open', 'tender', 'tdr-5c9cea1c045b', '{"bids":3,"custodians_present":["p-wang","s-zhou"],"from":"closed","reason":null,"record_digest":"8b696d4bb83a00295aa474d211c7b251f62d37d0db3836cd3675f832223526fb","stage":"bid","tender_id":"tdr-5c9cea1c045b","to":"opened","valid_bids":3}', '1eb2e280ca04afb980bb156a7fdae05401639705d634ae9a6e9eb2fd36c694e6', 'fb8211d468a65aa6355de130e65fb3628f496a6a6623b8c20ff41b14a2efcbba', 'a26e028301e47a8ed5ce5800ec9831b3776d7162c028a2178ec6d8e3ccc0c6c3');

INSERT INTO award VALUES
	('awd-20b82675e979', 'tdr-88ceab12d308', 'L1', 'bid-029769425bca', 'sup-76f83fc14410465b', 64000000, 1, '[]', '{"amount_figures":"¥640,000.00","amount_in_words":"陆拾肆万元整","body_en":"To 稠州五金机电有限公司: your bid for C30 ready-mixed concrete, medical park phase 2 (tdr-88ceab12d308) has been evaluated and publicised, and you are the successful bidder. Contract amount: CNY 640,000.00 (陆拾肆万元整). Please sign the contract by the end of 2026-05-17.","body_zh":"稠州五金机电有限公司：你方参加C30 ready-mixed concrete, medical park phase 2（tdr-88ceab12d308）的投标，经评标委员会评审并公示，确定你方为中标人。中标金额：人民币陆拾肆万元整（¥640,000.00）。请于2026年5月17日（含当日）前签订合同。","supplier_name":"稠州五金机电有限公司","title_en":"Award notice","title_zh":"中标通知书"}', '2026-04-16 16:00:00+00', 'p-wang'),
	('awd-fbb843eab39e', 'tdr-b1ed6cf79877', 'L1', 'bid-eb73f442c6f9', 'sup-a863517f6dd84f71', 35200000, 1, '[]', '{"amount_figures":"¥352,000.00","amount_in_words":"叁拾伍万贰仟元整","body_en":"To 义乌建工劳务有限公司: your bid for Formwork labour, building 3 (tdr-b1ed6cf79877) has been evaluated and publicised, and you are the successful bidder. Contract amount: CNY 352,000.00 (叁拾伍万贰仟元整). Please sign the contract by the end of 2026-05-17.","body_zh":"义乌建工劳务有限公司：你方参加Formwork labour, building 3（tdr-b1ed6cf79877）的投标，经评标委员会评审并公示，确定你方为中标人。中标金额：人民币叁拾伍万贰仟元整（¥352,000.00）。请于2026年5月17日（含当日）前签订合同。","supplier_name":"义乌建工劳务有限公司","title_en":"Award notice","title_zh":"中标通知书"}', '2026-04-16 16:00:00+00', 'p-wang');

INSERT INTO bid VALUES
	('bid-0045b8c96ee0', 'tdr-62e4d93df6c5', 'sup-ed6679e458a144c4', 1, 'submitted', '{"envelopes":{"bid":"aUtj59Qoa3dT2uBUTVyRWo6eN5Oq9SLSKJqVLdVeFyuc4LZgCtYUDbxR7CURQvMlSfv4n15EIQtNtTC7PM+FYTVyZEGOr2ldXsbMyDojGKUic3diZW92jG7FL2TUHUsNm0USZRj5G8/p7AgxcSqU4WmWVpaSWb9CwClit6TOci1X3IbSOn0pAmsYARiFnYudum0CDk4TCs3fbCehhvF5kFsIPKFxMThYjFjYEVnrUDtHpxhMLBekoxCYOicgUe9HxJ6ETnNkpFnNrPFglwnkMbyceKcijaB3WqtLGHvkSGrq/wnGCIp2+YMydA=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '9a62c6262b1c899874a712e3b161b455fab6bdd2cc001ec95160116138f32a2b', '2026-03-02 08:00:00+00', 0, '{"bid_id":"bid-0045b8c96ee0","envelope_hash":"9a62c6262b1c899874a712e3b161b455fab6bdd2cc001ec95160116138f32a2b","kind":"submission","received_at":"2026-03-02T08:00:00Z","signature":"60c59ff2fc9e37c95ae4f6a1b128e3fb5bb329716b81cd466ec8d30962ba34b5615200d13e71488bc5212570da95159d51dae4842dcf104dc5a5ad8c3c14cd0a","supplier_id":"sup-ed6679e458a144c4","tender_id":"tdr-62e4d93df6c5","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-1f17ff486e49', 'tdr-62e4d93df6c5', 'sup-f7fc0cd2fb654da9', 1, 'submitted', '{"envelopes":{"bid":"JBtfUKEh1GKel0nsfv9lhlFPTKjWynSnDEc0DvqRUWUXJkOwJDD+ddVtH1OKkAvi0CyJJDsTbhPd9ji4nwvjByzhc8uIpeHjHLfHYE1oHF0OQpajVFqof7Yntlu3uOGfqKOHza+mJVfr5iWlk8HC72vtuc8M8iL9bE3dHmU+x3y4JtDuU9wyVlTPUijk8moJVEaP1Xd7llFN+3Xj7oh2RwnzhZjwOUmzyEE1rLHUQCYgeRbj3hgfVV3OFWRQw3dJB0+m6a1cCscvSfo9E3XYNPSA8SmMh+612OUPwxawnC4eqDUlAjjw+HM15w=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '6300bdc7b6521e09083e5d96b1a061d3214e31d258347e79766edef2300679cc', '2026-03-02 15:00:00+00', 0, '{"bid_id":"bid-1f17ff486e49","envelope_hash":"6300bdc7b6521e09083e5d96b1a061d3214e31d258347e79766edef2300679cc","kind":"submission","received_at":"2026-03-02T15:00:00Z","signature":"c0d8ca9801c4494ab30911bc996f62d33622cd99b192f5313d4dd44a8d8ed5949cc0c5faf26f993c26e8f07e84fc95b30c88fb8f26bbc4f498bb49f318ec8308","supplier_id":"sup-f7fc0cd2fb654da9","tender_id":"tdr-62e4d93df6c5","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-485206852000', 'tdr-62e4d93df6c5', 'sup-310ab7d4022e4524', 1, 'submitted', '{"envelopes":{"bid":"a7ldjTUAwnHMSYqVglyOPn7qQE+AHY3AFSM6rbDuQSea1o+k5SEHSGpRjIZoa/6GGcn6ThQJLMHJSBBBASrvAuE9RcrEwGdz1JV3NSq/B2DQKX/UqPO0p6i40LlfZ3tQWiZzEYPRWikUS4Dmx9c6HNXXW+FtV8NHNh+aK99CCHrNeAN6bShWNhWRGb4VEe7ERqn2s12BXshyjVqf+qtoZrIqI/iMcOXsgdvlCt5jcaF9lKSiTIXrHu6/gCV9qiJC2nWbDOeuRCK74VPjmT+MRXjPs4x8u94pREWDIHNYDTno4OScmXpD53txgw=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '4163c90bafbbe9a86e8b6d141f49acddf64dc41f2ba42412b728db1a795b84b2', '2026-03-02 22:00:00+00', 0, '{"bid_id":"bid-485206852000","envelope_hash":"4163c90bafbbe9a86e8b6d141f49acddf64dc41f2ba42412b728db1a795b84b2","kind":"submission","received_at":"2026-03-02T22:00:00Z","signature":"2fef092b6ae7bf507702e23df5cd1cd3e07a1605098f70941312162dbebd3826fa6097c0d75bf669253b805804f096efea65bc4841f62ff2ee27aec5ed9f8c08","supplier_id":"sup-310ab7d4022e4524","tender_id":"tdr-62e4d93df6c5","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-9bc42c7c053b', 'tdr-62e4d93df6c5', 'sup-76f83fc14410465b', 1, 'submitted', '{"envelopes":{"bid":"lt4boHvKdkvHDRSn6IRWYhwABWfDTixkifIrYhu4zQOUdJ8H79TkgU7OowCTJ4lhMaBj9F4Z2Ez6aeyiXkMeqkeOmslkXTFEU8cCWMhWC4F27nA1hVehv5z78YQhYzGuGfJr418sMdH4kFzVn2rlQllVWuiMlTvZxA6K2yelxYu5j9qUEmTS0XoxaMlNCWzRJdVPJYsHgNmvAHm4wJP1evGXnjGlAxIzWcy5Hh6stF0m4tecmasi7Y4Ei3KhL639K6Au88d8iocWq8C6ygPRkH3gJzTyUzT1BNWbqIZFqxG7PLh69gRDcdmZyw=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', 'f5211091a691a2c7347e5b9f483fd46d84b6a2aed2f5cb50730d1896e6030c37', '2026-03-03 05:00:00+00', 0, '{"bid_id":"bid-9bc42c7c053b","envelope_hash":"f5211091a691a2c7347e5b9f483fd46d84b6a2aed2f5cb50730d1896e6030c37","kind":"submission","received_at":"2026-03-03T05:00:00Z","signature":"fb10ba1562bc9c7ffdd37c3aedc5050d69d80a8f4efaf9492b3b76a4dd453fde21440d2dd0129792bc57464bedac04daf00d8667f8b91d2747a7c383e1ff3e05","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-62e4d93df6c5","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-eb73f442c6f9', 'tdr-b1ed6cf79877', 'sup-a863517f6dd84f71', 1, 'submitted', '{"envelopes":{"bid":"eTJO3nzHjK/kCCtxZi31AEHUmYIaPyrPjXstqFAkexc67GQG2zbTvvg970k8PUJcZXXm1Tb0YRm0mxCHsrDZeBq5AxpIefgyuyA/iIYk7wMGT7+hfAyNn4E6yyPuH/dQBTjSXtcjes51Ok492ZBBRZ0FvEcmChb6kiU/HDAnGOz5cYBVQzRkwaUOQZSo0F4+TEHN/rIuLANnM/7qi8x6WLxrgxXjbNU7X6+/Sk7SRUamZFC9S+TT5aCJb+tuXYoLPe322N7KLKIcQtzf0/SnmdzglvmdOw=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', 'e89eb8b06f35f75c41427c53f17fe2d2c7d3d606e808da9ade4c9e844021b1dc', '2026-03-03 07:00:00+00', 0, '{"bid_id":"bid-eb73f442c6f9","envelope_hash":"e89eb8b06f35f75c41427c53f17fe2d2c7d3d606e808da9ade4c9e844021b1dc","kind":"submission","received_at":"2026-03-03T07:00:00Z","signature":"c6081f2f2d95c56c35627423801c1994449216cae92ae80f39b676329e2d028a4f671eec5e92834a2e7f6b4a496c0f4f8d6bfbe418d3f766cfc65e34ecd6cf0d","supplier_id":"sup-a863517f6dd84f71","tender_id":"tdr-b1ed6cf79877","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-415f2c75b2e1', 'tdr-b1ed6cf79877', 'sup-2ad2c830879740a1', 1, 'submitted', '{"envelopes":{"bid":"Kv+fa9C8JvjoaXLdxVJfUviioThRIcVi4clfth9n6xti9LQT9iiaVRpCnqX6PIPu4wUviz8ZOibR4sqRBkDqffeeG2M+ohsgjtvbCI8fWYidrJeF+u8tfsadWEaVViSHtJAIMKgERuaAIHso+lLlrC6HSCOA6vgrjTZ9J/D9A9mMLtqlQgBhTH2gquuQWX/+65DYmxk5jmiFj3k3kuvvAXbVNaSKJaTlVb4NRJ08pxuyob3uiikqLoUYk9nlh2CHa/gLmwkAJ+2VrHFCCT9GOIOxvFp0dQ=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '7ed328d00e514c447a5fc11c86f5129ccce78f114c9faaf2019ec8906325fb7f', '2026-03-03 09:00:00+00', 0, '{"bid_id":"bid-415f2c75b2e1","envelope_hash":"7ed328d00e514c447a5fc11c86f5129ccce78f114c9faaf2019ec8906325fb7f","kind":"submission","received_at":"2026-03-03T09:00:00Z","signature":"89edabd2c5e0fd4cac9673b3e3d9233fa25f41a4bcf87d13f9aaf7b3cb39366cfb46d5cddab2464cc159504f692041889e026b1517a896d5d4a0ff7c07cb8909","supplier_id":"sup-2ad2c830879740a1","tender_id":"tdr-b1ed6cf79877","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-3f99fe959c7b', 'tdr-b1ed6cf79877', 'sup-df2dcb2391a14b78', 1, 'submitted', '{"envelopes":{"bid":"1HnbdG9EamMAmSEbU7KJ8fSxsZlSz3r0t4uYseumiGxAEb2pqjzrZZbvrYr9q03EYg35MiBaFyJ4RfZW9VpGnLysifk7Zm1m2TKXfsv7aSW+6HKImiqJj6hu95q/Iwl3hArqz4kCv9NCExDDrNrnDJN3DaXNX2HakbPqTPLy3O/9AFU9OJYQOnAf4NIMH0euu/IGRGH9AfBmGYp0Klh2UBJIsm+yQ4eq/Oa9RpUEhVTbcCqFbgzqaCYQ2JZd4dvAPrYf0SpdjmHdgABxNyHiJJsI2eDr8Q=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '97389b31b09e64a95f7be81755f6019ca92be6338e6d4a29fc40f998375e1a50', '2026-03-03 11:00:00+00', 0, '{"bid_id":"bid-3f99fe959c7b","envelope_hash":"97389b31b09e64a95f7be81755f6019ca92be6338e6d4a29fc40f998375e1a50","kind":"submission","received_at":"2026-03-03T11:00:00Z","signature":"72e75a69d927217896b18d54dacc0629c42068d2e5bb58ce33da9ba458a507ffcf8476babc99f2b696c80756c09f51e0bffbb0ee9aa24dfa1122cf61f145a30e","supplier_id":"sup-df2dcb2391a14b78","tender_id":"tdr-b1ed6cf79877","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-9344de532054', 'tdr-88ceab12d308', 'sup-ed6679e458a144c4', 1, 'submitted', '{"envelopes":{"bid":"BbeVMjxDP0NeuDH3s9H5FxbCiDz02LsZStH565CtDRzkPL0w+rTasbk213Fbhl1qVCrmCkEFY51l69/82mO3OscTcLpRNQJ7BxBj5RqZQDA9jRnzw1OAq8xaUoRZOt1Yguo9YBRY/J9D8qnUGrzCJwEvcSrGRzxNXGnqdavKVJ/+IVqBs3XO6MKLEC6Clxuv6HSdtwSLKVdEEa88AFxN8wSk9jQReb/aVzO7aDTPEOSueyAPiins5dDajYkTvlHQddIglIu4kVEhaweF3jlT7wK2z6FBuY4="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '31f54a7dd6d0175a8c334f7a95e6f513ba1892c53b0fa7026bb4b133eb88eca5', '2026-03-23 01:30:00+00', 0, '{"bid_id":"bid-9344de532054","envelope_hash":"31f54a7dd6d0175a8c334f7a95e6f513ba1892c53b0fa7026bb4b133eb88eca5","kind":"submission","received_at":"2026-03-23T01:30:00Z","signature":"a2815a4d7766419d8d4052108478888cbeb702c6fbe194b0bc9042514851a3074fe3c743c0c6f936ff9adcf3c8b3380ff5126d7ecbd7916aed9f881f379ce10b","supplier_id":"sup-ed6679e458a144c4","tender_id":"tdr-88ceab12d308","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-6c352320dfb5', 'tdr-88ceab12d308', 'sup-f7fc0cd2fb654da9', 1, 'submitted', '{"envelopes":{"bid":"YJCIrK7Rn2+346sTPYwdgg5iTewxrUZgPldMAc2nD3ST9VWCRn0IzTGAqw1x6MACSOhp6BKhomaxP1FygVFzPCgkwxjQAaIioYU1RyYwtJ0xNJppqQT3C6bxIMmTItP6mnXufYrPIefVtKWC9Y07Q1U8FuJ/8LyMuLWZjUZRdD7oV3kgf+LLRzIajZwFqwao7HSWePXad+RUtDqSSmUQamvVH2dPaRiuedHd1VoK0AWUAG+YisCm5Qe5MFqeeuMBb/SLBrSlf+rI0BH3Aa0AQeCFlubqisE="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '14ac469ad7290aa52ec6c0932ca80f2d75af41b8adad46804ba7f7343478666c', '2026-03-23 06:30:00+00', 0, '{"bid_id":"bid-6c352320dfb5","envelope_hash":"14ac469ad7290aa52ec6c0932ca80f2d75af41b8adad46804ba7f7343478666c","kind":"submission","received_at":"2026-03-23T06:30:00Z","signature":"7bded5019ac02f8f5a7092b4404269f0b470268cc3ff45b4324c9a890b8cc4b9fd5ce483eb6047ab612571a02b52a8574ac3e9b60bc259343528b05e74b60d0d","supplier_id":"sup-f7fc0cd2fb654da9","tender_id":"tdr-88ceab12d308","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-d689ff6fb242', 'tdr-88ceab12d308', 'sup-310ab7d4022e4524', 1, 'submitted', '{"envelopes":{"bid":"KjFG45RQiGyXy9gi4QUpUj8E2LkCEpX4sbyeWwGPhVvuvqPzqOUz2sNH910C/d+xBR0wCPmEFZBHA118JLlGrp1wM2T1NCobGM5i3+GLIEj4SkWXiJrTgLCqVXFhL4CY6AAV/v4qPXFCyjODhiQiWuc01D3oYviOwtDvcaORiKfEfSyFxQevY5aOrSnnvK5J9nwDhEjrb/bwrguqZKUaK8r2zNGkk1uQUVnL7s++kDdjduvgUFXExSSF3xsThPLc1j/LRWd5DNyAPQoHk7STBoN84x41MYM="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', 'd839de4f2770fcc3aca9b8031e6ad17c5b73fe4a0d54d1573c6d4c2f4887d4b8', '2026-03-23 11:30:00+00', 0, '{"bid_id":"bid-d689ff6fb242","envelope_hash":"d839de4f2770fcc3aca9b8031e6ad17c5b73fe4a0d54d1573c6d4c2f4887d4b8","kind":"submission","received_at":"2026-03-23T11:30:00Z","signature":"9848ee0d53187860cc5e88d94c031e2c446db8b7cb8b52ee3d6302eab49068a985f60799d79a323cf4e66cb066d6d73ade2481e15236997290264852497f4701","supplier_id":"sup-310ab7d4022e4524","tender_id":"tdr-88ceab12d308","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-029769425bca', 'tdr-88ceab12d308', 'sup-76f83fc14410465b', 1, 'submitted', '{"envelopes":{"bid":"P69WYRPF9KF9pGKX4yJmWnGLbZNQeOb0/ApXLK1unnA9yvBse1+q57lH12m3RD5glc3k1fODiQ8ms+clCJ8jWLVfTF2jdBKiP/kSMLselMKj3HPhILbep8GFs95XaXCyksvbXqRsY0HajfR0vEWdcfFJhvMp1kFLarvBCfBwtgAnI3i1RmZt3R2ip/sDRD59m9MuPOoNrKT3V866ekFZUZ3aQT6hDB4ql/6om2nzjyhqBKilh884oZnF++l8Rymrdsg0dyL9velB3/vD2EhgnDwuRhlrLA=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', 'd9d89c3a3f22b7fb60f92b40302a9c910ca316ca70dcd63c0049154a00757ef7', '2026-03-23 16:30:00+00', 0, '{"bid_id":"bid-029769425bca","envelope_hash":"d9d89c3a3f22b7fb60f92b40302a9c910ca316ca70dcd63c0049154a00757ef7","kind":"submission","received_at":"2026-03-23T16:30:00Z","signature":"131e114c083076360cfeddae3780e8fdf7ae74819fa5ddb019516a81176cc9ab0f222f4743a4a68e3f3c87be043875891c53d39f5da2b9938e0bd2375a2be504","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-88ceab12d308","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-e00921781728', 'tdr-5c9cea1c045b', 'sup-0228d968ecad47f5', 1, 'submitted', '{"envelopes":{"bid":"k+3jp56t1N/sruVUtGzEsAW79EjZ1Qa/ztApLwDTrQC/E0kdC51ltGQ52C9o9sXmoXzFiFzm5PFbeNwOgnqe7eFvpCq5TxyZN0ofzZoHCKDlq4zFGoaz7rDW9owMowKlV+7xNEnMH+nfJI2Hg/rJBloBweHfeFp+I/lu2pZjS387rt9V6iDLY7W5rTPrKEoIaeLlIXxSMzihPnUbWO6Cc2OqAFE5xfof9Lzr6+oQ436pdP2ffB1doua2L6gppwRcErZGQ+IrGOP8dpjSV8AAq4VPRI7TmQ=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '3a59b010be3800f22e8b47a844764626118b776aa78903c932795788fb01e32e', '2026-05-02 04:00:00+00', 0, '{"bid_id":"bid-e00921781728","envelope_hash":"3a59b010be3800f22e8b47a844764626118b776aa78903c932795788fb01e32e","kind":"submission","received_at":"2026-05-02T04:00:00Z","signature":"5f2547681da096ebe11b80d4ae16f040303844a39591caddff545fc47cef860d8c214f4ad0cab12efaaf8da4a503ff8b650024fc896d5c3173d2a623a69b5d07","supplier_id":"sup-0228d968ecad47f5","tender_id":"tdr-5c9cea1c045b","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-e6b14267a613', 'tdr-5c9cea1c045b', 'sup-8d85a6ad14d24f5c', 1, 'submitted', '{"envelopes":{"bid":"X8U3i39BPmNhYIiiGAiXWE0Kf9jYxdf+96+b8CQOYz89hIR3/O6VV7TiQdOh2mtvm6U295NWc8yaBw//h8h223NLpQxgmff5GJFzZD4Pf+cAbFADNITE13Z0hHNPtabal2qScTG428UvDBCjIC/jueSyo5JF9d4SixFzfoSAXUeWO4nqu34XEv2WMrwWUWymXHadvuOBpM7HLogUq44xN7v2zdtK+XRlPqYCUj1yTqFq4R7dit+FQkng+J+TNM6d7cjCzSpWtpSvblWjYxgcWZFwpEcTNw=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', '9f5772745f676f6b135ff8fa65ae37239d46a9111fd8563f628093334adce0f1', '2026-05-02 07:00:00+00', 0, '{"bid_id":"bid-e6b14267a613","envelope_hash":"9f5772745f676f6b135ff8fa65ae37239d46a9111fd8563f628093334adce0f1","kind":"submission","received_at":"2026-05-02T07:00:00Z","signature":"c7508bfc8e35ac8fbff85344f91e15935f1f972476a8f291e01c3643f96e8f82075bb192eda9c5d511f9b21f0afd40020ed52274e400d57b50db89c158fc1f01","supplier_id":"sup-8d85a6ad14d24f5c","tender_id":"tdr-5c9cea1c045b","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL),
	('bid-bf42afdebd17', 'tdr-5c9cea1c045b', 'sup-59eec51614594e58', 1, 'submitted', '{"envelopes":{"bid":"gRmCbyE99d/BVwZo/1oC/CDAcgQsRQwtNWvosJoipgGyEkDrLYmeeH9wy6QvbnBuduyUa3CBhLwy3K43iYkVHr+PZ9A+Xv22JMLqLpJkhePaQiFRIvNIGm89eogxj5T2x9lgctScyp7MfGxpOWwwRLdEV9kSNwsxeMCnuyZ4eF++IFrfYmPaUZZVzOY4o5cw3h9TmIRB4aKK8BJ2yyNkJkFP6bajRelU4DAPUifjdejqcvls42UQYXKGtDMY+5EohGSGzis/tWrhlVSuGEOQbgTs3Er2kQ=="},"scheme":"sealedbox-x25519-xsalsa20poly1305/v1"}', 'c47d6f0149e5092096aaaa5dfb4e4237b5a7e9dc9f74e7dcab6a3b5b4fbb8cdf', '2026-05-02 10:00:00+00', 0, '{"bid_id":"bid-bf42afdebd17","envelope_hash":"c47d6f0149e5092096aaaa5dfb4e4237b5a7e9dc9f74e7dcab6a3b5b4fbb8cdf","kind":"submission","received_at":"2026-05-02T10:00:00Z","signature":"c161c6f73181f325adccbc7b36fbf2d63b48755cc02f5063ab05642bf1f444b783d87539a7815d3ace9de486f7748e49c002709f111b534330d4e99c59235b08","supplier_id":"sup-59eec51614594e58","tender_id":"tdr-5c9cea1c045b","verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11","version":1}', NULL);

INSERT INTO contract VALUES
	('ctr-65ca40ea1e4c', 'tdr-88ceab12d308', 'L1', 'awd-20b82675e979', 'bid-029769425bca', 'sup-76f83fc14410465b', 64000000, 'signed', '2026-04-16 16:00:00+00', '2026-05-17 16:00:00+00', 'p-wang', '2026-04-16 16:00:00+00', 'u-sup-76f83fc14410465b', '2026-04-16 16:00:00+00'),
	('ctr-ca12a89b94e7', 'tdr-b1ed6cf79877', 'L1', 'awd-fbb843eab39e', 'bid-eb73f442c6f9', 'sup-a863517f6dd84f71', 35200000, 'pending_signature', '2026-04-16 16:00:00+00', '2026-05-17 16:00:00+00', NULL, NULL, NULL, NULL);

INSERT INTO evaluation VALUES
	('tdr-88ceab12d308', '2026-04-13 01:50:00+00', 'exp-01', '2026-04-13 01:50:00+00', 'exp-01', 'f17086bf87560f772db8732c25d52bacb6bc9efd6eafdb7c61166c9ae3aaeae1', '2026-04-13 01:50:00+00', '2026-04-16 16:00:00+00', '2026-04-16 16:00:00+00', NULL, NULL),
	('tdr-b1ed6cf79877', '2026-04-13 01:50:00+00', 'p-li', '2026-04-13 01:50:00+00', 'p-li', 'e8adfa5ae02bc3984f562977955a91a2ece9872180ea3eaedeef826e26c4e31c', '2026-04-13 01:50:00+00', '2026-04-16 16:00:00+00', '2026-04-16 16:00:00+00', NULL, 'e8adfa5ae02bc3984f562977955a91a2ece9872180ea3eaedeef826e26c4e31c');

INSERT INTO evaluation_committee VALUES
	('tdr-88ceab12d308', '15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9', '2026-04-13T01:50:00.000000+00:00', '030765a409128b57c2eb2ff690cfb2ed96359c256421733ad04b3ec5031fe2a1', 'materials', 5, 'p-wang', '{"bidders":[{"related_person_hashes":["864a597f727641b5fbfde6f738d1827a1a9f889f540fce5f4d849b1fbbe9cbdd"],"supplier_id":"sup-310ab7d4022e4524"},{"related_person_hashes":["3939190fde01958cf7d98abc0a8d03324771257601c0c99c1adc6af6e49e71ad"],"supplier_id":"sup-76f83fc14410465b"},{"related_person_hashes":["66fade6d6a1c22bfef87678744b700c15bc74b38ac96e9e10b2b40f2b316c240"],"supplier_id":"sup-ed6679e458a144c4"},{"related_person_hashes":["2a034645166ee2d04bb5750e1b948c29f9be1e299d9bb62ded1212db694cd3a9"],"supplier_id":"sup-f7fc0cd2fb654da9"}],"category":"materials","drafter_id":"p-wang","draw_time":"2026-04-13T01:50:00.000000+00:00","opening_digest":"15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9","pool":[{"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-01","name":"钱建材 (expert)","related_person_hashes":["ebc51cce55644e1077b2451999d0f7fe8e6d5b9e7fe3d0d5d3dd5d232114746d"],"relatives_organisation_ids":[],"specialties":["materials"]},{"employer_id":"浙江工业大学","expert_id":"exp-02","name":"孙结构 (expert)","related_person_hashes":["dd668a501be984c914181db4d8dd63637591927ef5e313c80fa457790a09686f"],"relatives_organisation_ids":[],"specialties":["materials"]},{"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-03","name":"李混凝土 (expert)","related_person_hashes":["30971a3f8e72e38b71bccec7c684604fef1ccc0ae9fa667e6874f0a09abcb07d"],"relatives_organisation_ids":[],"specialties":["materials"]},{"employer_id":"浙江工业大学","expert_id":"exp-04","name":"周造价 (expert)","related_person_hashes":["a5ed4ec46d3ec019c28ea9d77ddbe04e1906daa56b5c853e9d12fd987ad5d535"],"relatives_organisation_ids":[],"specialties":["materials"]},{"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-05","name":"吴材料 (expert)","related_person_hashes":["11d18d008301c754beb54a6f74c6356a1e5fde8de33cc898aec974145b28d80b"],"relatives_organisation_ids":[],"specialties":["materials"]},{"employer_id":"浙江工业大学","expert_id":"exp-06","name":"郑试验 (expert)","related_person_hashes":["41177f2106e594c9a1da9425ba888d9800437d2cc793677546bb3e64524749f0"],"relatives_organisation_ids":["sup-ed6679e458a144c4"],"specialties":["materials"]},{"employer_id":"义乌市建设工程质量监督站","expert_id":"exp-07","name":"冯监理 (expert)","related_person_hashes":["df185fe3c1296c06600b77005f5bb4f33225cf994a0312c94d5e170ef895b81d"],"relatives_organisation_ids":["sup-f7fc0cd2fb654da9"],"specialties":["materials"]},{"employer_id":"浙江工业大学","expert_id":"exp-08","name":"陈质检 (expert)","related_person_hashes":["4199c855911bb1d37c7650f074c24a614ffb7b805be20da2673c8d8c1eaf6575"],"relatives_organisation_ids":["sup-310ab7d4022e4524"],"specialties":["materials"]}],"representatives":[{"name":"陈技术 Chen (technical)","person_id":"t-chen"}],"size":5}', '["exp-01","exp-04","exp-03","exp-05"]', '["t-chen"]', '[{"bidder_id":"sup-f7fc0cd2fb654da9","code":"recusal.relative","en":"has a declared relative at bidder sup-f7fc0cd2fb654da9","expert_id":"exp-07","zh":"近亲属在投标人 sup-f7fc0cd2fb654da9 任职"},{"bidder_id":"sup-310ab7d4022e4524","code":"recusal.relative","en":"has a declared relative at bidder sup-310ab7d4022e4524","expert_id":"exp-08","zh":"近亲属在投标人 sup-310ab7d4022e4524 任职"},{"bidder_id":"sup-ed6679e458a144c4","code":"recusal.relative","en":"has a declared relative at bidder sup-ed6679e458a144c4","expert_id":"exp-06","zh":"近亲属在投标人 sup-ed6679e458a144c4 任职"}]', '[]', 'p-wang', '2026-04-13 01:50:00+00');

INSERT INTO evaluation_entry VALUES
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', 'sup-76f83fc14410465b', 'd9d89c3a3f22b7fb60f92b40302a9c910ca316ca70dcd63c0049154a00757ef7', 64000000, true, '[]', '{"below_mean_percent":"40.83","below_next_percent":"39.62","by_mean":true,"by_next":true,"mean_of_others":"1081666.6666666666666666666666666666666666666666667","next_higher_price":"1060000.00","price":"640000.00","reason":{"code":"abnormal.low_price","en":"abnormally low price 640000.00: 40.83 % below the mean of the other bids 1081666.67; 39.62 % below the next higher bid 1060000.00 — a written explanation is required (Law 33, Reg 51)","zh":"报价 640000.00 明显偏低：低于其他投标平均价 1081666.67 达 40.83%；低于相邻较高报价 1060000.00 达 39.62%，须书面说明（招标投标法第三十三条、实施条例第五十一条）"}}', 'explanation_accepted', '自有搅拌站与砂石矿，附成本测算 / own batching plant and quarry; cost sheet', 'exp-04', '[]', NULL, '40.00', '36.33', '12.00', '88.33', '{"供货方案 supply plan":"24.33","售后服务 after-sales":"12.00","质量保证 quality assurance":"12.00"}', 1, '6f592cd18b49a6f333281c72325cd3bfcfaa94c6b109fe61fecab569c7c04e0c', 'first'),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', 'sup-f7fc0cd2fb654da9', '14ac469ad7290aa52ec6c0932ca80f2d75af41b8adad46804ba7f7343478666c', 110500000, true, '[]', NULL, NULL, NULL, NULL, '[]', NULL, '0.00', '41.33', '14.00', '55.33', '{"供货方案 supply plan":"27.33","售后服务 after-sales":"14.00","质量保证 quality assurance":"14.00"}', 3, '7e39fefaf9266cdbfeccb134303f5522c41517c3549844fc7a3a0bfb8e9de7bc', 'score'),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', 'sup-ed6679e458a144c4', '31f54a7dd6d0175a8c334f7a95e6f513ba1892c53b0fa7026bb4b133eb88eca5', 108000000, true, '[]', NULL, NULL, NULL, NULL, '[]', NULL, '0.00', '42.00', '14.00', '56.00', '{"供货方案 supply plan":"28.00","售后服务 after-sales":"14.00","质量保证 quality assurance":"14.00"}', 2, 'd941475a78bf04b2152bcf863ea8c4794cd85630217facbbf6860957c3aba9fa', 'score'),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', 'sup-310ab7d4022e4524', 'd839de4f2770fcc3aca9b8031e6ad17c5b73fe4a0d54d1573c6d4c2f4887d4b8', 106000000, true, '[]', NULL, NULL, NULL, NULL, '[]', NULL, '0.00', '34.34', '11.67', '46.01', '{"供货方案 supply plan":"22.67","售后服务 after-sales":"11.67","质量保证 quality assurance":"11.67"}', 4, '4094b167b1598f457811987e07a7e7d8958441f0de3ca3fca1cbe4d198ef65ca', 'score'),
	('tdr-b1ed6cf79877', 'L1', 'bid-415f2c75b2e1', 'sup-2ad2c830879740a1', '7ed328d00e514c447a5fc11c86f5129ccce78f114c9faaf2019ec8906325fb7f', 35840000, true, '[]', NULL, NULL, NULL, NULL, '[]', 35840000, NULL, NULL, NULL, NULL, NULL, 2, NULL, 'price'),
	('tdr-b1ed6cf79877', 'L1', 'bid-eb73f442c6f9', 'sup-a863517f6dd84f71', 'e89eb8b06f35f75c41427c53f17fe2d2c7d3d606e808da9ade4c9e844021b1dc', 35200000, true, '[]', NULL, NULL, NULL, NULL, '[]', 35200000, NULL, NULL, NULL, NULL, NULL, 1, NULL, 'price'),
	('tdr-b1ed6cf79877', 'L1', 'bid-3f99fe959c7b', 'sup-df2dcb2391a14b78', '97389b31b09e64a95f7be81755f6019ca92be6338e6d4a29fc40f998375e1a50', 36480000, true, '[]', NULL, NULL, NULL, NULL, '[]', 36480000, NULL, NULL, NULL, NULL, NULL, 3, NULL, 'price');

INSERT INTO evaluation_lot VALUES
	('tdr-88ceab12d308', 'L1', 'C30 商品混凝土', 'awarded', 4, NULL, 64000000, '["bid-029769425bca","bid-9344de532054","bid-6c352320dfb5"]', '[{"bid_id":"bid-029769425bca","criterion_id":"供货方案 supply plan","deviation":"6.50","member_id":"exp-03","others_mean":"19.50","points":"26.00","threshold":"6"},{"bid_id":"bid-029769425bca","criterion_id":"供货方案 supply plan","deviation":"19.75","member_id":"t-chen","others_mean":"24.75","points":"5.00","threshold":"6"},{"bid_id":"bid-029769425bca","criterion_id":null,"deviation":"20.25","member_id":"t-chen","others_mean":"49.25","points":"29.00","threshold":"12"}]'),
	('tdr-b1ed6cf79877', 'L1', 'formwork', 'awarded', 3, NULL, NULL, '["bid-eb73f442c6f9","bid-415f2c75b2e1","bid-3f99fe959c7b"]', '[]');

INSERT INTO evaluation_member VALUES
	('tdr-88ceab12d308', 'exp-01', '钱建材 (expert)', 'expert', 1, true, '2026-04-13 01:50:00+00', '本人与各投标人无利害关系，承诺独立、客观、公正评审。'),
	('tdr-88ceab12d308', 'exp-04', '周造价 (expert)', 'expert', 2, true, '2026-04-13 01:50:00+00', '本人与各投标人无利害关系，承诺独立、客观、公正评审。'),
	('tdr-88ceab12d308', 'exp-03', '李混凝土 (expert)', 'expert', 3, true, '2026-04-13 01:50:00+00', '本人与各投标人无利害关系，承诺独立、客观、公正评审。'),
	('tdr-88ceab12d308', 'exp-05', '吴材料 (expert)', 'expert', 4, true, '2026-04-13 01:50:00+00', '本人与各投标人无利害关系，承诺独立、客观、公正评审。'),
	('tdr-88ceab12d308', 't-chen', '陈技术 Chen (technical)', 'representative', 5, true, '2026-04-13 01:50:00+00', '本人与各投标人无利害关系，承诺独立、客观、公正评审。');

INSERT INTO evaluation_objection VALUES
	('obj-477f103ee0bd', 'tdr-88ceab12d308', NULL, 'sup-ed6679e458a144c4', 'u-sup-ed6679e458a144c4', '2026-04-13 01:50:00+00', '第一中标候选人业绩证明存疑 / doubt the winner''s references', '经核查业绩证明真实，异议不成立 / references verified', 's-zhou', '2026-04-16 16:00:00+00');

INSERT INTO evaluation_score VALUES
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '供货方案 supply plan', 'exp-01', 2400),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '供货方案 supply plan', 'exp-03', 2600),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '供货方案 supply plan', 'exp-04', 2500),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '供货方案 supply plan', 'exp-05', 2400),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '供货方案 supply plan', 't-chen', 500),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '售后服务 after-sales', 'exp-01', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '售后服务 after-sales', 'exp-03', 1300),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '售后服务 after-sales', 'exp-04', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '售后服务 after-sales', 'exp-05', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '售后服务 after-sales', 't-chen', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '质量保证 quality assurance', 'exp-01', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '质量保证 quality assurance', 'exp-03', 1300),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '质量保证 quality assurance', 'exp-04', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '质量保证 quality assurance', 'exp-05', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-029769425bca', '质量保证 quality assurance', 't-chen', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '供货方案 supply plan', 'exp-01', 2700),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '供货方案 supply plan', 'exp-03', 2600),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '供货方案 supply plan', 'exp-04', 2800),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '供货方案 supply plan', 'exp-05', 2700),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '供货方案 supply plan', 't-chen', 2800),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '售后服务 after-sales', 'exp-01', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '售后服务 after-sales', 'exp-03', 1300),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '售后服务 after-sales', 'exp-04', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '售后服务 after-sales', 'exp-05', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '售后服务 after-sales', 't-chen', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '质量保证 quality assurance', 'exp-01', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '质量保证 quality assurance', 'exp-03', 1300),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '质量保证 quality assurance', 'exp-04', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '质量保证 quality assurance', 'exp-05', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-6c352320dfb5', '质量保证 quality assurance', 't-chen', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '供货方案 supply plan', 'exp-01', 2900),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '供货方案 supply plan', 'exp-03', 2800),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '供货方案 supply plan', 'exp-04', 2700),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '供货方案 supply plan', 'exp-05', 2900),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '供货方案 supply plan', 't-chen', 2700),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '售后服务 after-sales', 'exp-01', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '售后服务 after-sales', 'exp-03', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '售后服务 after-sales', 'exp-04', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '售后服务 after-sales', 'exp-05', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '售后服务 after-sales', 't-chen', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '质量保证 quality assurance', 'exp-01', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '质量保证 quality assurance', 'exp-03', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '质量保证 quality assurance', 'exp-04', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '质量保证 quality assurance', 'exp-05', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-9344de532054', '质量保证 quality assurance', 't-chen', 1400),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '供货方案 supply plan', 'exp-01', 2200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '供货方案 supply plan', 'exp-03', 2400),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '供货方案 supply plan', 'exp-04', 2300),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '供货方案 supply plan', 'exp-05', 2200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '供货方案 supply plan', 't-chen', 2300),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '售后服务 after-sales', 'exp-01', 1100),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '售后服务 after-sales', 'exp-03', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '售后服务 after-sales', 'exp-04', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '售后服务 after-sales', 'exp-05', 1100),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '售后服务 after-sales', 't-chen', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '质量保证 quality assurance', 'exp-01', 1100),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '质量保证 quality assurance', 'exp-03', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '质量保证 quality assurance', 'exp-04', 1200),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '质量保证 quality assurance', 'exp-05', 1100),
	('tdr-88ceab12d308', 'L1', 'bid-d689ff6fb242', '质量保证 quality assurance', 't-chen', 1200);

INSERT INTO evaluation_security VALUES
	('tdr-88ceab12d308', 'sup-310ab7d4022e4524', 2000000, 'f-sun', '2026-04-13 01:50:00+00'),
	('tdr-88ceab12d308', 'sup-76f83fc14410465b', 2000000, 'f-sun', '2026-04-13 01:50:00+00'),
	('tdr-88ceab12d308', 'sup-ed6679e458a144c4', 2000000, 'f-sun', '2026-04-13 01:50:00+00'),
	('tdr-88ceab12d308', 'sup-f7fc0cd2fb654da9', 2000000, 'f-sun', '2026-04-13 01:50:00+00');

INSERT INTO evaluation_sheet VALUES
	('tdr-88ceab12d308', 'L1', 'exp-04', '2026-04-13 01:50:00+00', 'e92e283113fad416efa87aa214b8360397be80ac7514fa8aba2c21a4a1c3bd41', 4),
	('tdr-88ceab12d308', 'L1', 'exp-01', '2026-04-13 01:50:00+00', '00bdf09182a679ba70672d7665da7054f952226d84b915159103e1b0d8d46aba', 4),
	('tdr-88ceab12d308', 'L1', 'exp-05', '2026-04-13 01:50:00+00', '00bdf09182a679ba70672d7665da7054f952226d84b915159103e1b0d8d46aba', 4),
	('tdr-88ceab12d308', 'L1', 'exp-03', '2026-04-13 01:50:00+00', 'a9d0740d38a780f675f1689ebecaae5d6282ab1e8b20da18ce8aef919e26bace', 4),
	('tdr-88ceab12d308', 'L1', 't-chen', '2026-04-13 01:50:00+00', '9122a2865b9cc4833905ced4df8205296b1624fa71550106b9ccaba13acf8133', 4);

INSERT INTO expert VALUES
	('exp-01', '钱建材 (expert)', '["materials"]', '义乌市建设工程质量监督站', '["ebc51cce55644e1077b2451999d0f7fe8e6d5b9e7fe3d0d5d3dd5d232114746d"]', '[]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-02', '孙结构 (expert)', '["materials"]', '浙江工业大学', '["dd668a501be984c914181db4d8dd63637591927ef5e313c80fa457790a09686f"]', '[]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-03', '李混凝土 (expert)', '["materials"]', '义乌市建设工程质量监督站', '["30971a3f8e72e38b71bccec7c684604fef1ccc0ae9fa667e6874f0a09abcb07d"]', '[]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-04', '周造价 (expert)', '["materials"]', '浙江工业大学', '["a5ed4ec46d3ec019c28ea9d77ddbe04e1906daa56b5c853e9d12fd987ad5d535"]', '[]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-05', '吴材料 (expert)', '["materials"]', '义乌市建设工程质量监督站', '["11d18d008301c754beb54a6f74c6356a1e5fde8de33cc898aec974145b28d80b"]', '[]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-06', '郑试验 (expert)', '["materials"]', '浙江工业大学', '["41177f2106e594c9a1da9425ba888d9800437d2cc793677546bb3e64524749f0"]', '["sup-ed6679e458a144c4"]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-07', '冯监理 (expert)', '["materials"]', '义乌市建设工程质量监督站', '["df185fe3c1296c06600b77005f5bb4f33225cf994a0312c94d5e170ef895b81d"]', '["sup-f7fc0cd2fb654da9"]', true, 'adm', '2026-03-23 01:30:00+00'),
	('exp-08', '陈质检 (expert)', '["materials"]', '浙江工业大学', '["4199c855911bb1d37c7650f074c24a614ffb7b805be20da2673c8d8c1eaf6575"]', '["sup-310ab7d4022e4524"]', true, 'adm', '2026-03-23 01:30:00+00');

INSERT INTO inquiry_signature VALUES
	('tdr-b1ed6cf79877', 'p-wang', '2026-04-13 01:50:00+00'),
	('tdr-b1ed6cf79877', 'p-li', '2026-04-13 01:50:00+00');

INSERT INTO opened_bid VALUES
	('tdr-b1ed6cf79877', 'bid-eb73f442c6f9', 'sup-a863517f6dd84f71', 1, '2026-03-03 07:00:00+00', 'e89eb8b06f35f75c41427c53f17fe2d2c7d3d606e808da9ade4c9e844021b1dc', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"352000.00","technical":{}}]}', 35200000, NULL, NULL),
	('tdr-b1ed6cf79877', 'bid-415f2c75b2e1', 'sup-2ad2c830879740a1', 1, '2026-03-03 09:00:00+00', '7ed328d00e514c447a5fc11c86f5129ccce78f114c9faaf2019ec8906325fb7f', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"358400.00","technical":{}}]}', 35840000, NULL, NULL),
	('tdr-b1ed6cf79877', 'bid-3f99fe959c7b', 'sup-df2dcb2391a14b78', 1, '2026-03-03 11:00:00+00', '97389b31b09e64a95f7be81755f6019ca92be6338e6d4a29fc40f998375e1a50', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"364800.00","technical":{}}]}', 36480000, NULL, NULL),
	('tdr-62e4d93df6c5', 'bid-0045b8c96ee0', 'sup-ed6679e458a144c4', 1, '2026-03-02 08:00:00+00', '9a62c6262b1c899874a712e3b161b455fab6bdd2cc001ec95160116138f32a2b', 'valid', NULL, NULL, '{"bid_security_account":"6228 0000 0000","documents":{"agent":null,"author":"编制人0","project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"1905000.00","technical":{}}]}', 190500000, NULL, NULL),
	('tdr-62e4d93df6c5', 'bid-1f17ff486e49', 'sup-f7fc0cd2fb654da9', 1, '2026-03-02 15:00:00+00', '6300bdc7b6521e09083e5d96b1a061d3214e31d258347e79766edef2300679cc', 'valid', NULL, NULL, '{"bid_security_account":"6228 0000 0001","documents":{"agent":null,"author":"编制人1","project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"1942500.00","technical":{}}]}', 194250000, NULL, NULL),
	('tdr-62e4d93df6c5', 'bid-485206852000', 'sup-310ab7d4022e4524', 1, '2026-03-02 22:00:00+00', '4163c90bafbbe9a86e8b6d141f49acddf64dc41f2ba42412b728db1a795b84b2', 'valid', NULL, NULL, '{"bid_security_account":"6228 0000 0002","documents":{"agent":null,"author":"编制人2","project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"1980000.00","technical":{}}]}', 198000000, NULL, NULL),
	('tdr-62e4d93df6c5', 'bid-9bc42c7c053b', 'sup-76f83fc14410465b', 1, '2026-03-03 05:00:00+00', 'f5211091a691a2c7347e5b9f483fd46d84b6a2aed2f5cb50730d1896e6030c37', 'valid', NULL, NULL, '{"bid_security_account":"6228 0000 0003","documents":{"agent":null,"author":"编制人3","project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"2017500.00","technical":{}}]}', 201750000, NULL, NULL),
	('tdr-88ceab12d308', 'bid-9344de532054', 'sup-ed6679e458a144c4', 1, '2026-03-23 01:30:00+00', '31f54a7dd6d0175a8c334f7a95e6f513ba1892c53b0fa7026bb4b133eb88eca5', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"1080000.00","technical":{}}]}', 108000000, NULL, NULL),
	('tdr-88ceab12d308', 'bid-6c352320dfb5', 'sup-f7fc0cd2fb654da9', 1, '2026-03-23 06:30:00+00', '14ac469ad7290aa52ec6c0932ca80f2d75af41b8adad46804ba7f7343478666c', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"1105000.00","technical":{}}]}', 110500000, NULL, NULL),
	('tdr-88ceab12d308', 'bid-d689ff6fb242', 'sup-310ab7d4022e4524', 1, '2026-03-23 11:30:00+00', 'd839de4f2770fcc3aca9b8031e6ad17c5b73fe4a0d54d1573c6d4c2f4887d4b8', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"1060000.00","technical":{}}]}', 106000000, NULL, NULL),
	('tdr-88ceab12d308', 'bid-029769425bca', 'sup-76f83fc14410465b', 1, '2026-03-23 16:30:00+00', 'd9d89c3a3f22b7fb60f92b40302a9c910ca316ca70dcd63c0049154a00757ef7', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"640000.00","technical":{}}]}', 64000000, NULL, NULL),
	('tdr-5c9cea1c045b', 'bid-e00921781728', 'sup-0228d968ecad47f5', 1, '2026-05-02 04:00:00+00', '3a59b010be3800f22e8b47a844764626118b776aa78903c932795788fb01e32e', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"298000.00","technical":{}}]}', 29800000, NULL, NULL),
	('tdr-5c9cea1c045b', 'bid-e6b14267a613', 'sup-8d85a6ad14d24f5c', 1, '2026-05-02 07:00:00+00', '9f5772745f676f6b135ff8fa65ae37239d46a9111fd8563f628093334adce0f1', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"299500.00","technical":{}}]}', 29950000, NULL, NULL),
	('tdr-5c9cea1c045b', 'bid-bf42afdebd17', 'sup-59eec51614594e58', 1, '2026-05-02 10:00:00+00', 'c47d6f0149e5092096aaaa5dfb4e4237b5a7e9dc9f74e7dcab6a3b5b4fbb8cdf', 'valid', NULL, NULL, '{"bid_security_account":null,"documents":{"agent":null,"author":null,"project_manager":null},"lots":[{"commercial":{},"lot":"L1","price":"301800.00","technical":{}}]}', 30180000, NULL, NULL);

INSERT INTO outbox_event VALUES
	(1, 'f304a0ed-3ed5-49ef-8d25-0e3cce7618b9', 'SupplierRegistered', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 1, '{"categories":["materials"],"credit_code":"91330782730000000N","name":"义乌钢联建材有限公司","supplier_id":"sup-ed6679e458a144c4"}'),
	(2, '4ed20c86-b5d6-4cb1-89ed-b5a04f8ab72c', 'SupplierReviewed', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 2, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(3, '2260578d-b929-41d4-83c4-32b3b7407afe', 'SupplierReviewed', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 3, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(4, 'fa2b905a-b568-405f-892a-03bf54826519', 'SupplierReviewed', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 4, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}'),
	(5, '78828669-433b-46fd-bf6c-37405b81e18d', 'SupplierInspected', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 5, '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}'),
	(6, 'f92f02fb-f96c-4f83-971e-44af1f36569a', 'SupplierAdmitted', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 6, '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}'),
	(7, 'af3f404f-e166-4066-add2-9f09ced019fd', 'SupplierStandingChanged', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 7, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(8, 'edefa470-6ff8-4a05-a5bd-69353017f7ad', 'SupplierRegistered', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 8, '{"categories":["materials"],"credit_code":"913307828300000002","name":"浙中水泥制品有限公司","supplier_id":"sup-f7fc0cd2fb654da9"}'),
	(9, '234d30f7-4843-45fb-8cee-3dd5fd41ec55', 'SupplierReviewed', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 9, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(10, '0221798b-690e-4ee1-bf49-7268bbec2302', 'SupplierReviewed', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 10, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(11, '68ef6db4-7f57-42dc-af1f-23036a934e2f', 'SupplierReviewed', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 11, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}'),
	(12, '9d5aa35d-3f6f-42d8-b66c-d365da712389', 'SupplierInspected', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 12, '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}'),
	(13, 'ac9cccee-d4cb-4300-8a82-2e2ea4aadf3e', 'SupplierAdmitted', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 13, '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}'),
	(14, '135666c1-b3de-480c-b483-71d3800005a9', 'SupplierStandingChanged', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 14, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(15, '5f45606e-4cb9-4513-9c82-234758d795df', 'SupplierRegistered', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 15, '{"categories":["materials"],"credit_code":"91330782930000000D","name":"金华恒通管业有限公司","supplier_id":"sup-310ab7d4022e4524"}'),
	(16, 'd1fa9ceb-eab4-49a1-8978-76934cfa9f9b', 'SupplierReviewed', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 16, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(17, 'a6e97000-63c9-4210-b082-c7bfef68560b', 'SupplierReviewed', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 17, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(18, '9f0b4511-a86f-4e03-b62d-2832094f36cf', 'SupplierReviewed', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 18, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}'),
	(19, 'acac720a-a009-4d9c-80f5-b20f37c1571e', 'SupplierInspected', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 19, '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}'),
	(20, 'a4c2ac51-b208-4faf-b5fa-758a02268cae', 'SupplierAdmitted', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 20, '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}'),
	(21, '91ca729e-11cb-4d7f-ac92-b13ad3fedccd', 'SupplierStandingChanged', 'supplier', 'sup-310ab7d4022e4524', '2026-03-02 01:00:00+00', 21, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(22, '9b5c454d-6f7e-4498-9195-59d699e6ec1a', 'SupplierRegistered', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 22, '{"categories":["materials"],"credit_code":"91330782A30000000Q","name":"稠州五金机电有限公司","supplier_id":"sup-76f83fc14410465b"}'),
	(23, 'db0e5ef8-5a23-426d-8a73-c014914e1ff8', 'SupplierReviewed', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 23, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(24, 'ecfd4dc2-207a-4b6e-a223-f40e5a25b5f8', 'SupplierReviewed', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 24, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(25, '34936c17-601b-42fa-b524-02f413155114', 'SupplierReviewed', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 25, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}'),
	(26, 'ed2e8a03-6884-4da8-966d-8e0df9859b6d', 'SupplierInspected', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 26, '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}'),
	(27, '600ba283-19b7-474b-9fcc-ee0b13ecf4da', 'SupplierAdmitted', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 27, '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}'),
	(28, '3a3ad2b4-f521-4639-aa5e-59c0edf78c96', 'SupplierStandingChanged', 'supplier', 'sup-76f83fc14410465b', '2026-03-02 01:00:00+00', 28, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(29, '50a42bed-2194-427d-9d1d-376d0da3b59a', 'SupplierRegistered', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 29, '{"categories":["materials"],"credit_code":"91330782B300000004","name":"佛堂混凝土有限公司","supplier_id":"sup-167ac4b925984a0f"}'),
	(30, '37eb7b8a-f5d3-468c-9e12-1e3842e66360', 'SupplierReviewed', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 30, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(31, '5edd325c-73e4-46cf-b7f2-a060b417d402', 'SupplierReviewed', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 31, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(32, 'e6817a2b-fafe-45a1-b20f-bd82db7379e0', 'SupplierReviewed', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 32, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}'),
	(33, '20f030e1-49e1-4ad9-b49a-f554ce7ae714', 'SupplierInspected', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 33, '{"inspectors":["p-wang","t-chen"],"passed":true,"report":"现场考察：生产、仓储、质检符合要求","round":1}'),
	(34, '3a535312-1a37-4a4a-9b80-2335e26514e0', 'SupplierAdmitted', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 34, '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}'),
	(35, '1c9d72db-e46b-46e4-b3db-4d75bf946259', 'SupplierStandingChanged', 'supplier', 'sup-167ac4b925984a0f', '2026-03-02 01:00:00+00', 35, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(36, 'd128072f-74d3-4081-9305-4ba21a53158e', 'SupplierRegistered', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 36, '{"categories":["labour"],"credit_code":"91330782C30000000F","name":"义乌建工劳务有限公司","supplier_id":"sup-a863517f6dd84f71"}'),
	(37, '57bfd87f-5d75-48b4-807c-68263b97b953', 'SupplierReviewed', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 37, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(38, 'ea8abdb2-bb4d-4d1d-b289-d64b0de55ebe', 'SupplierReviewed', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 38, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(39, '7435f2ad-2724-4fc9-bf6c-b5b9d5e0992d', 'SupplierReviewed', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 39, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(40, '848c3144-afef-4489-ac5a-ee806581d316', 'SupplierAdmitted', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 40, '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(41, '1c6bf738-6b61-452d-8559-67d9add3f2b8', 'SupplierStandingChanged', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 41, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(42, 'dc2e152c-7b10-4b9a-927b-a49323a19eb2', 'SupplierRegistered', 'supplier', 'sup-2ad2c830879740a1', '2026-03-02 01:00:00+00', 42, '{"categories":["labour"],"credit_code":"91330782D30000000T","name":"东阳木工劳务合作社","supplier_id":"sup-2ad2c830879740a1"}'),
	(43, '6449e12f-e012-44f2-b7be-7ecfde5b9398', 'SupplierReviewed', 'supplier', 'sup-2ad2c830879740a1', '2026-03-02 01:00:00+00', 43, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(44, '6ec259b6-f0ec-4914-b83e-0b9d6138fa3c', 'SupplierReviewed', 'supplier', 'sup-2ad2c830879740a1', '2026-03-02 01:00:00+00', 44, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(45, '354a0585-6937-44e8-8f13-35b01ad9d9ad', 'SupplierReviewed', 'supplier', 'sup-2ad2c830879740a1', '2026-03-02 01:00:00+00', 45, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(46, 'cd2eae79-b5a1-4607-99e8-b6a8143994e4', 'SupplierAdmitted', 'supplier', 'sup-2ad2c830879740a1', '2026-03-02 01:00:00+00', 46, '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(47, 'e54f50ce-8943-4c56-9687-bf0afc008a7a', 'SupplierStandingChanged', 'supplier', 'sup-2ad2c830879740a1', '2026-03-02 01:00:00+00', 47, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(48, '1c395624-00ae-4481-b8a6-e7953f877f7b', 'SupplierRegistered', 'supplier', 'sup-df2dcb2391a14b78', '2026-03-02 01:00:00+00', 48, '{"categories":["labour"],"credit_code":"91330782E300000006","name":"浦江安装劳务有限公司","supplier_id":"sup-df2dcb2391a14b78"}'),
	(49, 'a8748494-8f84-441d-8761-770cd9bfd757', 'SupplierReviewed', 'supplier', 'sup-df2dcb2391a14b78', '2026-03-02 01:00:00+00', 49, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(50, 'cc2a8532-e1a1-4d71-b13c-04821a47e936', 'SupplierReviewed', 'supplier', 'sup-df2dcb2391a14b78', '2026-03-02 01:00:00+00', 50, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(51, 'ee08204b-98f1-4163-b135-b8a43dc578e2', 'SupplierReviewed', 'supplier', 'sup-df2dcb2391a14b78', '2026-03-02 01:00:00+00', 51, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(52, 'a643b8ac-f41d-4e4a-ba75-9b7c43d2f68c', 'SupplierAdmitted', 'supplier', 'sup-df2dcb2391a14b78', '2026-03-02 01:00:00+00', 52, '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(53, 'beb98791-6500-4b11-98c7-f02a89ed7924', 'SupplierStandingChanged', 'supplier', 'sup-df2dcb2391a14b78', '2026-03-02 01:00:00+00', 53, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(54, 'b997555d-c862-4340-b32c-d612b6c00c1d', 'SupplierRegistered', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 54, '{"categories":["materials"],"credit_code":"91330782U30000000R","name":"华东钢铁集团义乌分公司","supplier_id":"sup-740fef4330de4514"}'),
	(55, '7dd4d36b-58b8-4f88-86b2-53c1ae74f665', 'SupplierReviewed', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 55, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(56, '18f37cc5-8ede-4d17-919a-42b751617fe8', 'SupplierReviewed', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 56, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(57, '07933765-ae24-44e9-8d2c-8945ae7f0f3b', 'SupplierReviewed', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 57, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"site_inspection"}'),
	(58, '4c0ece84-897d-4342-ab8a-d98fc47f500c', 'SupplierInspected', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 58, '{"inspectors":["p-wang","q-zhao"],"passed":true,"report":"现场考察：轧钢生产线、质检实验室、仓储运输均符合要求","round":1}'),
	(59, 'aaa479dd-bc23-4b90-a188-d13eaa8e44b9', 'SupplierAdmitted', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 59, '{"categories":["materials"],"from":"site_inspection","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":true,"to":"admitted"}'),
	(60, '56e279d9-a455-43da-b6fb-e8a8dde3377f', 'SupplierStandingChanged', 'supplier', 'sup-740fef4330de4514', '2026-03-02 01:00:00+00', 60, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(61, '327ce35a-9490-41ac-94c8-e753c11cdfb5', 'SupplierRegistered', 'supplier', 'sup-69a50a23dee74b1d', '2026-03-02 01:00:00+00', 61, '{"categories":["labour"],"credit_code":"91330782640000000D","name":"金华速达劳务有限公司","supplier_id":"sup-69a50a23dee74b1d"}'),
	(62, '973be37d-8460-444a-8a1d-0f5067c24c0a', 'SupplierReviewed', 'supplier', 'sup-69a50a23dee74b1d', '2026-03-02 01:00:00+00', 62, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(63, 'babab918-f125-4164-90d7-81454ccd8382', 'SupplierReviewed', 'supplier', 'sup-69a50a23dee74b1d', '2026-03-02 01:00:00+00', 63, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(64, '3cf15cce-3550-4114-a4cd-e0cf501b44dd', 'SupplierReviewed', 'supplier', 'sup-69a50a23dee74b1d', '2026-03-02 01:00:00+00', 64, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(65, 'd06bbb5e-b808-46a9-b7c6-a0674027f1d0', 'SupplierRejected', 'supplier', 'sup-69a50a23dee74b1d', '2026-03-02 01:00:00+00', 65, '{"from":"under_review","reason":"安全生产许可证已过期","round":1,"to":"rejected"}'),
	(66, '35708729-6024-4925-a706-89503bcb66c0', 'SupplierRegistered', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 66, '{"categories":["materials"],"credit_code":"91330782G40000000Y","name":"义乌低价建材商行","supplier_id":"sup-a85768d22c464c6f"}'),
	(67, '1d8d74ce-dedf-4bed-befe-ac4e0f19d052', 'SupplierReviewed', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 67, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(68, 'ae7bf0cf-f439-481f-881f-1fa139e8781b', 'SupplierReviewed', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 68, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(69, '8c2f1ec0-d611-401a-988d-bb57111eb3a5', 'SupplierReviewed', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 69, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(70, 'b5bcc3d9-69fa-42ae-b08f-bc397fc71c10', 'SupplierAdmitted', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 70, '{"categories":["materials"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(71, 'd6cf6604-4b96-4c43-9c8e-e55f7706ff95', 'SupplierStandingChanged', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 71, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(72, '411e91ab-bbcf-4631-9227-7904e281507e', 'SupplierRegistered', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 72, '{"categories":["materials"],"credit_code":"91330782H40000000A","name":"义乌劣质钢材贸易行","supplier_id":"sup-2585617b27854cd4"}'),
	(73, '3caf5e08-b032-4de0-a9d8-41a65fd96f81', 'SupplierReviewed', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 73, '{"comment":"资料齐全，符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(74, '9cca2ad7-1985-41ef-9554-2e816d004194', 'SupplierReviewed', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 74, '{"comment":"资料齐全，符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(75, 'dc7ab145-4d51-4e4b-8f2d-c806ef47bc35', 'SupplierReviewed', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 75, '{"comment":"资料齐全，符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(76, '4e60b827-49bf-4b50-ad13-d9e9b2907993', 'SupplierAdmitted', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 76, '{"categories":["materials"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(77, '9c2ef2c7-4d14-445f-a9d0-cabdd0ac1027', 'SupplierStandingChanged', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 77, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(78, '83fcc46b-9b2d-417d-83e0-df8d22a6f1b1', 'PerformanceEventRecorded', 'supplier', 'sup-ed6679e458a144c4', '2026-03-02 01:00:00+00', 78, '{"contract_id":"HT-2026-02-000","event_id":1,"kind":"on_time_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":1,"supplier_id":"sup-ed6679e458a144c4"}'),
	(79, 'afda2f9a-29ae-4a36-958d-7e14e4a8b201', 'PerformanceEventRecorded', 'supplier', 'sup-f7fc0cd2fb654da9', '2026-03-02 01:00:00+00', 79, '{"contract_id":"HT-2026-02-001","event_id":2,"kind":"late_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":2,"supplier_id":"sup-f7fc0cd2fb654da9"}'),
	(80, 'aba499f6-b509-4ed6-bc56-369d2d6f96c9', 'PerformanceEventRecorded', 'supplier', 'sup-a863517f6dd84f71', '2026-03-02 01:00:00+00', 80, '{"contract_id":"HT-2026-02-002","event_id":3,"kind":"service_complaint","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":1,"supplier_id":"sup-a863517f6dd84f71"}'),
	(81, 'c8b916c1-790a-46ac-88ba-c8251845894e', 'PerformanceEventRecorded', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 81, '{"contract_id":"HT-2026-02-003","event_id":4,"kind":"late_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}'),
	(82, '9177d06c-9b66-457f-b673-fae53632b8a1', 'PerformanceEventRecorded', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 82, '{"contract_id":"HT-2026-02-004","event_id":5,"kind":"quality_defect","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}'),
	(83, '024ec47d-3cb3-40cc-a1df-b024dca42404', 'PerformanceEventRecorded', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 83, '{"contract_id":"HT-2026-02-005","event_id":6,"kind":"safety_incident","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":4,"supplier_id":"sup-a85768d22c464c6f"}'),
	(84, 'd2aa1e46-7668-4feb-976b-716e645fa101', 'PerformanceEventRecorded', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 84, '{"contract_id":"HT-2026-02-006","event_id":7,"kind":"late_delivery","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}'),
	(85, 'c897a0d6-d142-4897-8f5e-ecdb34fb6efd', 'PerformanceEventRecorded', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 85, '{"contract_id":"HT-2026-02-007","event_id":8,"kind":"quality_defect","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}'),
	(86, 'f0d73223-3ca7-46e6-bbf9-85b961b11f4d', 'PerformanceEventRecorded', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 86, '{"contract_id":"HT-2026-02-008","event_id":9,"kind":"safety_incident","note":"","occurred_at":"2026-02-10T02:00:00Z","severity":5,"supplier_id":"sup-a85768d22c464c6f"}'),
	(87, 'a6d66695-754c-4bde-91fa-b2a596f49c8b', 'PerformancePeriodClosed', 'performance_period', 'month:2026-02', '2026-03-02 01:00:00+00', 87, '{"ends_at":"2026-02-28T16:00:00+00:00","grades":{"A":3,"D":1},"kind":"month","label":"2026-02","scored":4,"settings":{"deductions":{"bribery":100,"collusion":100,"compliance_breach":10,"falsified_documents":100,"late_delivery":5,"on_time_delivery":0,"quality_defect":6,"safety_incident":10,"service_complaint":4},"default_ban_days":1095,"grade_a":90,"grade_b":75,"grade_c":60,"min_inspectors":2,"site_inspection_threshold":"1000000","weights":{"compliance":10,"delivery":30,"quality":30,"safety":20,"service":10}},"starts_at":"2026-01-31T16:00:00+00:00"}'),
	(88, '5ed1f573-61ad-4b96-9055-3b9a8999f17e', 'SupplierStandingChanged', 'supplier', 'sup-a85768d22c464c6f', '2026-03-02 01:00:00+00', 88, '{"event":"suspend","from":"active","reason":"grade D in month:2026-02","to":"suspended"}'),
	(89, '8fdfdc5f-f133-4425-87ae-ff9460abbcc1', 'BlacklistProposed', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 89, '{"approvals":[{"actor_id":"p-wang","at":"2026-03-02T01:00:00+00:00","note":"","roles":["purchasing"]}],"ban_days":1095,"evidence":["质检报告 ZJ-2026-0211","厂家否认函"],"reason":"falsified mill certificates 伪造钢材质保书","request_id":"req-3df715f53f3440e6","source":"manual"}'),
	(90, 'f9edb987-276e-4151-99b7-4c0148e37cba', 'SupplierStandingChanged', 'supplier', 'sup-2585617b27854cd4', '2026-03-02 01:00:00+00', 90, '{"approvers":["p-wang","s-zhou"],"ban_until":"2029-03-01T01:00:00+00:00","event":"blacklist","evidence":["质检报告 ZJ-2026-0211","厂家否认函"],"from":"active","reason":"falsified mill certificates 伪造钢材质保书","request_id":"req-3df715f53f3440e6","to":"blacklisted"}'),
	(91, '9f4803c1-3e80-4afe-a2fa-fe53cdfc47ac', 'SupplierRegistered', 'supplier', 'sup-08a7645af2174f89', '2026-03-02 01:00:00+00', 91, '{"categories":["materials"],"credit_code":"91330782T40000000G","name":"义乌新钢贸易有限公司","supplier_id":"sup-08a7645af2174f89"}'),
	(92, 'd46dfcec-52aa-4c34-ada5-b9426a345c49', 'ReceiptKeyCreated', 'platform_setting', 'bidding.receipt_signing_key', '2026-03-02 01:00:00+00', 93, '{"verify_key":"51e82992ce088b501b0e05a1c6b497115340f32188aa27d3d7efa84738169d11"}'),
	(93, '2ae7dae0-11f7-4e83-97da-53ce1e8c410c', 'TenderPublished', 'tender', 'tdr-62e4d93df6c5', '2026-03-02 01:00:00+00', 94, '{"bid_security":"40000.00","buyer":"浙江津义建设","category":"materials","ceiling_price":"2100000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","index":3,"name":"孙财务 Sun","supervisor":false}],"deadline":"2026-03-23T01:00:00+00:00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"lots":[{"id":"L1","items":[{"name":"rebar","quantity":"420","specification":"","unit":"t"}],"title":"HRB400E Φ12–Φ25"}],"method":"open_tender","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"86311fa1d286f54895bd64b5140518dd822440bc09cfe1b96831001fa37bf175","rules_digest":"f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f","tender_id":"tdr-62e4d93df6c5","threshold":2,"title":"HRB400E rebar for the medical park, phase 2","two_envelopes":false}'),
	(94, '713c1cfc-02a5-457d-ba9b-bcc20225a67b', 'TenderPublished', 'tender', 'tdr-b1ed6cf79877', '2026-03-02 01:00:00+00', 96, '{"bid_security":"0.00","buyer":"浙江津义建设","category":"labour","ceiling_price":"380000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","index":3,"name":"孙财务 Sun","supervisor":false}],"deadline":"2026-03-07T01:00:00+00:00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"lots":[{"id":"L1","items":[{"name":"formwork labour","quantity":"6800","specification":"","unit":"m²"}],"title":"formwork"}],"method":"price_inquiry","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"8862c638ca324b9840900fe111ff112c64bc9c8248510fe90aa05ed98da49813","rules_digest":"f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f","tender_id":"tdr-b1ed6cf79877","threshold":2,"title":"Formwork labour, building 3","two_envelopes":false}'),
	(95, '9a626c0f-a86d-4e2e-b09d-fe8b3a42e875', 'TenderClosed', 'tender', 'tdr-b1ed6cf79877', '2026-03-07 01:30:00+00', 104, '{"deadline":"2026-03-07T01:00:00+00:00","from":"published","tender_id":"tdr-b1ed6cf79877","to":"closed"}'),
	(96, '8b78f05b-f5cb-40f0-92a3-fb1b7c8df207', 'TenderOpened', 'tender', 'tdr-b1ed6cf79877', '2026-03-07 01:30:00+00', 105, '{"bids":3,"custodians_present":["s-zhou","f-sun"],"reason":null,"record_digest":"bfb474a535c2d68ffe87a2cdf4d3c8d185e04cf6067a13ecf568073d43a02205","stage":"bid","tender_id":"tdr-b1ed6cf79877","valid_bids":3}'),
	(97, '399d09e2-8a5f-4fd3-8e73-2637fc611484', 'TenderClosed', 'tender', 'tdr-62e4d93df6c5', '2026-03-23 01:30:00+00', 106, '{"deadline":"2026-03-23T01:00:00+00:00","from":"published","tender_id":"tdr-62e4d93df6c5","to":"closed"}'),
	(98, 'b3b0f94c-3729-465e-94db-921da6f23e62', 'TenderOpened', 'tender', 'tdr-62e4d93df6c5', '2026-03-23 01:30:00+00', 107, '{"bids":4,"custodians_present":["p-wang","s-zhou"],"reason":null,"record_digest":"c00fb502405393146616747fc3a25b575a35ba256f8778110babb7b44e060760","stage":"bid","tender_id":"tdr-62e4d93df6c5","valid_bids":4}'),
	(99, 'e01995a5-4eff-41d9-bb8c-bccbe4fa195e', 'ExpertAdded', 'expert', 'exp-01', '2026-03-23 01:30:00+00', 108, '{"expert_id":"exp-01","specialties":["materials"]}'),
	(100, '21ab54ac-0dd0-4cd3-b3ca-21b4d3bff2b2', 'ExpertAdded', 'expert', 'exp-02', '2026-03-23 01:30:00+00', 109, '{"expert_id":"exp-02","specialties":["materials"]}'),
	(101, '7b817713-2014-4d46-9bca-ccf1fa046611', 'ExpertAdded', 'expert', 'exp-03', '2026-03-23 01:30:00+00', 110, '{"expert_id":"exp-03","specialties":["materials"]}'),
	(102, '1f45aa3c-82bd-44d8-a152-436c5bde62a9', 'ExpertAdded', 'expert', 'exp-04', '2026-03-23 01:30:00+00', 111, '{"expert_id":"exp-04","specialties":["materials"]}'),
	(103, '6f81e598-7748-4c70-9cc8-d9edbef8bc1a', 'ExpertAdded', 'expert', 'exp-05', '2026-03-23 01:30:00+00', 112, '{"expert_id":"exp-05","specialties":["materials"]}'),
	(104, 'd342ac22-6818-4fc3-83dc-0c216c354ddd', 'ExpertAdded', 'expert', 'exp-06', '2026-03-23 01:30:00+00', 113, '{"expert_id":"exp-06","specialties":["materials"]}'),
	(105, '7b283893-68c6-48d6-99d9-36912e5ec25a', 'ExpertAdded', 'expert', 'exp-07', '2026-03-23 01:30:00+00', 114, '{"expert_id":"exp-07","specialties":["materials"]}'),
	(106, 'f703ccbd-f328-46aa-bda3-d24836fe8dd0', 'ExpertAdded', 'expert', 'exp-08', '2026-03-23 01:30:00+00', 115, '{"expert_id":"exp-08","specialties":["materials"]}'),
	(107, 'f66f6672-4735-4dd8-ab94-f81e408a5890', 'TenderPublished', 'tender', 'tdr-88ceab12d308', '2026-03-23 01:30:00+00', 117, '{"bid_security":"20000.00","buyer":"浙江津义建设","category":"materials","ceiling_price":"1200000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","index":3,"name":"孙财务 Sun","supervisor":false}],"deadline":"2026-04-13T01:30:00+00:00","evaluation":{"criteria":[{"description":"","name":"供货方案 supply plan","part":"technical","weight":"30"},{"description":"","name":"质量保证 quality assurance","part":"technical","weight":"15"},{"description":"","name":"售后服务 after-sales","part":"commercial","weight":"15"}],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"comprehensive_scoring","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"15","price":"40","technical":"45"}},"lots":[{"id":"L1","items":[{"name":"C30","quantity":"3000","specification":"","unit":"m³"}],"title":"C30 商品混凝土"}],"method":"open_tender","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"61ba2d2306202c47538128be318ef365bce3eb7aa14b5c60f61fcbfcbcf5c50c","rules_digest":"6aee9409ddf90787e429532b181a07a5374a86d835a8b8052781cf908355c5ce","tender_id":"tdr-88ceab12d308","threshold":2,"title":"C30 ready-mixed concrete, medical park phase 2","two_envelopes":false}'),
	(108, '88b74c81-8983-4281-a61d-f50c180159d6', 'TenderClosed', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 122, '{"deadline":"2026-04-13T01:30:00+00:00","from":"published","tender_id":"tdr-88ceab12d308","to":"closed"}'),
	(109, 'af916c78-f428-4ea4-9064-54a7376617dd', 'TenderOpened', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 123, '{"bids":4,"custodians_present":["s-zhou","f-sun"],"reason":null,"record_digest":"15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9","stage":"bid","tender_id":"tdr-88ceab12d308","valid_bids":4}'),
	(110, '87f62bca-52fc-4486-a456-c3259ea48622', 'TenderEvaluationStarted', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 124, '{"draw_time":"2026-04-13T01:50:00.000000+00:00","opening_digest":"15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9","recusals":3,"seed_hex":"030765a409128b57c2eb2ff690cfb2ed96359c256421733ad04b3ec5031fe2a1","size":5,"tender_id":"tdr-88ceab12d308"}'),
	(111, '469951f1-5163-42ac-9f8e-9fdeacd673d6', 'CommitteeDeclarationSigned', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 125, '{"position":1,"tender_id":"tdr-88ceab12d308"}'),
	(112, 'd52e7cb0-a8f8-4017-9662-9dc55a0bd771', 'CommitteeDeclarationSigned', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 126, '{"position":2,"tender_id":"tdr-88ceab12d308"}'),
	(113, 'f5e8ea5d-74d1-46ba-8889-65b1cceeb4f1', 'CommitteeDeclarationSigned', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 127, '{"position":3,"tender_id":"tdr-88ceab12d308"}'),
	(114, '45ead9ab-7a5b-4c91-8fa6-577f798c6bca', 'CommitteeDeclarationSigned', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 128, '{"position":4,"tender_id":"tdr-88ceab12d308"}'),
	(115, 'ffeea057-998d-425f-a96c-dbd24d0d0374', 'CommitteeDeclarationSigned', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 129, '{"position":5,"tender_id":"tdr-88ceab12d308"}'),
	(116, '64e9bd39-fcdc-4815-b634-3a12fd594687', 'BidSecurityRecorded', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 130, '{"count":4,"tender_id":"tdr-88ceab12d308"}'),
	(117, '122a548a-d415-4185-9b57-a172aea9c4fa', 'ComplianceChecked', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 131, '{"excluded":{},"lots":{"L1":{"abnormal":["bid-029769425bca"],"compliant":4,"failed":false}},"tender_id":"tdr-88ceab12d308"}'),
	(118, '999801ea-5514-43f6-836f-f02b09069228', 'AbnormalBidDecided', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 132, '{"bid_id":"bid-029769425bca","decision":"explanation_accepted","explanation":"自有搅拌站与砂石矿，附成本测算 / own batching plant and quarry; cost sheet","lot_id":"L1","lot_status":"evaluating","tender_id":"tdr-88ceab12d308"}'),
	(119, 'bae704fd-8cb4-4d74-b2e9-a443ed08c3f8', 'ScoreSheetSubmitted', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 133, '{"lot_id":"L1","of":5,"submitted":1,"tender_id":"tdr-88ceab12d308"}'),
	(120, '33087edb-2ed3-4bd2-bdff-210335e7b945', 'ScoreSheetSubmitted', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 134, '{"lot_id":"L1","of":5,"submitted":2,"tender_id":"tdr-88ceab12d308"}'),
	(121, '411a489e-0325-4e2c-9703-ede65e80c7f3', 'ScoreSheetSubmitted', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 135, '{"lot_id":"L1","of":5,"submitted":3,"tender_id":"tdr-88ceab12d308"}'),
	(122, '724006f6-0bc7-44a1-ac3c-0428e541fc68', 'ScoreSheetSubmitted', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 136, '{"lot_id":"L1","of":5,"submitted":4,"tender_id":"tdr-88ceab12d308"}'),
	(123, '3f234398-137e-48da-afb4-98f958007af2', 'ScoreSheetSubmitted', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 137, '{"lot_id":"L1","of":5,"submitted":5,"tender_id":"tdr-88ceab12d308"}'),
	(124, '78b5bda8-eaa2-4db3-93ef-bd639a7e9c65', 'TenderCandidatesPublicised', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 138, '{"candidates":{"L1":[{"bid_id":"bid-029769425bca","evaluated_price":null,"price":"640000.00","rank":1,"supplier_id":"sup-76f83fc14410465b","total":"88.33"},{"bid_id":"bid-9344de532054","evaluated_price":null,"price":"1080000.00","rank":2,"supplier_id":"sup-ed6679e458a144c4","total":"56.00"},{"bid_id":"bid-6c352320dfb5","evaluated_price":null,"price":"1105000.00","rank":3,"supplier_id":"sup-f7fc0cd2fb654da9","total":"55.33"}]},"failed_lots":[],"method":"comprehensive","publicity_ends":"2026-04-16T16:00:00+00:00","publicity_starts":"2026-04-13T01:50:00+00:00","report_digest":"f17086bf87560f772db8732c25d52bacb6bc9efd6eafdb7c61166c9ae3aaeae1","tender_id":"tdr-88ceab12d308"}'),
	(125, '21e43145-454b-4f23-9271-b8a4ca293620', 'InquirySigned', 'tender', 'tdr-b1ed6cf79877', '2026-04-13 01:50:00+00', 139, '{"signatures":1,"tender_id":"tdr-b1ed6cf79877"}'),
	(126, 'cc94e386-85db-43c8-98ff-772abd6704df', 'InquirySigned', 'tender', 'tdr-b1ed6cf79877', '2026-04-13 01:50:00+00', 140, '{"signatures":2,"tender_id":"tdr-b1ed6cf79877"}'),
	(127, 'f030809b-2891-4e9d-914a-257278a5b516', 'TenderEvaluationStarted', 'tender', 'tdr-b1ed6cf79877', '2026-04-13 01:50:00+00', 141, '{"from":"opened","record_hash":"e8adfa5ae02bc3984f562977955a91a2ece9872180ea3eaedeef826e26c4e31c","signatures":["p-li","p-wang"],"tender_id":"tdr-b1ed6cf79877","to":"evaluating"}'),
	(128, '96e4d15b-b26e-4cab-86bd-212df94712e6', 'TenderCandidatesPublicised', 'tender', 'tdr-b1ed6cf79877', '2026-04-13 01:50:00+00', 142, '{"from":"evaluating","lots":[{"lot_id":"L1","lowest":"sup-a863517f6dd84f71","override":null,"price":"352000.00","ranked":["sup-a863517f6dd84f71","sup-2ad2c830879740a1","sup-df2dcb2391a14b78"],"winner":"sup-a863517f6dd84f71"}],"publicity_ends":"2026-04-16T16:00:00+00:00","record_hash":"e8adfa5ae02bc3984f562977955a91a2ece9872180ea3eaedeef826e26c4e31c","tender_id":"tdr-b1ed6cf79877","to":"publicising"}'),
	(129, 'bb825954-0813-489b-8889-33e0fa0b70b9', 'ObjectionRaised', 'tender', 'tdr-88ceab12d308', '2026-04-13 01:50:00+00', 143, '{"objection_id":"obj-477f103ee0bd","tender_id":"tdr-88ceab12d308"}'),
	(130, '876be97c-76e2-491a-885a-ac7cbd5ec421', 'ObjectionAnswered', 'tender', 'tdr-88ceab12d308', '2026-04-16 16:00:00+00', 144, '{"objection_id":"obj-477f103ee0bd","tender_id":"tdr-88ceab12d308"}'),
	(131, 'de9d5f60-cabb-4d19-8a30-742d43fc2ebd', 'TenderAwarded', 'tender', 'tdr-88ceab12d308', '2026-04-16 16:00:00+00', 145, '{"awards":[{"amount":"640000.00","amount_in_words":"陆拾肆万元整","award_id":"awd-20b82675e979","bid_id":"bid-029769425bca","contract_id":"ctr-65ca40ea1e4c","lot_id":"L1","rank":1,"removed":[],"supplier_id":"sup-76f83fc14410465b"}],"contract_sign_by":"2026-05-17T16:00:00+00:00","from":"publicising","tender_id":"tdr-88ceab12d308","to":"awarded"}'),
	(132, '2eb40235-be07-470b-99a1-cb96cf2ff489', 'TenderAwarded', 'tender', 'tdr-b1ed6cf79877', '2026-04-16 16:00:00+00', 146, '{"awards":[{"amount":"352000.00","amount_in_words":"叁拾伍万贰仟元整","award_id":"awd-fbb843eab39e","bid_id":"bid-eb73f442c6f9","contract_id":"ctr-ca12a89b94e7","lot_id":"L1","rank":1,"removed":[],"supplier_id":"sup-a863517f6dd84f71"}],"contract_sign_by":"2026-05-17T16:00:00+00:00","from":"publicising","tender_id":"tdr-b1ed6cf79877","to":"awarded"}'),
	(133, '05e92d13-a07e-4114-b13c-6a4b166068a3', 'ContractSignature', 'contract', 'ctr-65ca40ea1e4c', '2026-04-16 16:00:00+00', 147, '{"amount":"640000.00","contract_id":"ctr-65ca40ea1e4c","lot_id":"L1","signed_by":"u-sup-76f83fc14410465b","status":"pending_signature","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-88ceab12d308"}'),
	(134, '28c30574-9883-438b-9bda-357eb1d90e35', 'TenderContracted', 'tender', 'tdr-88ceab12d308', '2026-04-16 16:00:00+00', 148, '{"amount":"640000.00","contract_id":"ctr-65ca40ea1e4c","from":"awarded","lot_id":"L1","signed_by":"p-wang","status":"signed","supplier_id":"sup-76f83fc14410465b","tender_id":"tdr-88ceab12d308","to":"contracted"}'),
	(135, '96bb45a7-a22e-496b-b86d-bce6ca5e476f', 'PerformanceEventRecorded', 'supplier', 'sup-76f83fc14410465b', '2026-04-16 16:00:00+00', 149, '{"contract_id":"HT-2026-03-017","event_id":10,"kind":"on_time_delivery","note":"","occurred_at":"2026-03-20T02:00:00Z","severity":1,"supplier_id":"sup-76f83fc14410465b"}'),
	(136, 'e4f188e9-a50e-497d-8a2d-76af233b69a1', 'PerformancePeriodClosed', 'performance_period', 'month:2026-03', '2026-04-16 16:00:00+00', 150, '{"ends_at":"2026-03-31T16:00:00+00:00","grades":{"A":1},"kind":"month","label":"2026-03","scored":1,"settings":{"deductions":{"bribery":100,"collusion":100,"compliance_breach":10,"falsified_documents":100,"late_delivery":5,"on_time_delivery":0,"quality_defect":6,"safety_incident":10,"service_complaint":4},"default_ban_days":1095,"grade_a":90,"grade_b":75,"grade_c":60,"min_inspectors":2,"site_inspection_threshold":"1000000","weights":{"compliance":10,"delivery":30,"quality":30,"safety":20,"service":10}},"starts_at":"2026-02-28T16:00:00+00:00"}'),
	(137, 'ba9c2da8-5d26-4d14-97a8-9dee2101f02b', 'PerformanceEventRecorded', 'supplier', 'sup-76f83fc14410465b', '2026-04-16 16:00:00+00', 151, '{"contract_id":"ctr-65ca40ea1e4c","event_id":11,"kind":"late_delivery","note":"","occurred_at":"2026-04-16T16:00:00Z","severity":4,"supplier_id":"sup-76f83fc14410465b"}'),
	(138, 'c99d52e9-fab8-4e46-9b0c-b454d764223e', 'PerformanceEventRecorded', 'supplier', 'sup-76f83fc14410465b', '2026-04-19 16:00:00+00', 152, '{"contract_id":"ctr-65ca40ea1e4c","event_id":12,"kind":"quality_defect","note":"","occurred_at":"2026-04-19T16:00:00Z","severity":5,"supplier_id":"sup-76f83fc14410465b"}'),
	(139, 'a1ad5046-a1a7-4b40-bc4e-0ed6107b83d6', 'PerformanceEventRecorded', 'supplier', 'sup-76f83fc14410465b', '2026-04-22 16:00:00+00', 153, '{"contract_id":"ctr-65ca40ea1e4c","event_id":13,"kind":"safety_incident","note":"","occurred_at":"2026-04-22T16:00:00Z","severity":3,"supplier_id":"sup-76f83fc14410465b"}'),
	(140, 'a7e7dad3-4b21-4e44-bb23-b4319f2869d8', 'PerformancePeriodClosed', 'performance_period', 'month:2026-04', '2026-05-02 01:00:00+00', 154, '{"ends_at":"2026-04-30T16:00:00+00:00","grades":{"B":1},"kind":"month","label":"2026-04","scored":1,"settings":{"deductions":{"bribery":100,"collusion":100,"compliance_breach":10,"falsified_documents":100,"late_delivery":5,"on_time_delivery":0,"quality_defect":6,"safety_incident":10,"service_complaint":4},"default_ban_days":1095,"grade_a":90,"grade_b":75,"grade_c":60,"min_inspectors":2,"site_inspection_threshold":"1000000","weights":{"compliance":10,"delivery":30,"quality":30,"safety":20,"service":10}},"starts_at":"2026-03-31T16:00:00+00:00"}'),
	(141, 'b1bd8bb4-b5d6-4fb0-94c4-f5cf53ef6e45', 'SupplierRegistered', 'supplier', 'sup-0228d968ecad47f5', '2026-05-02 01:00:00+00', 155, '{"categories":["labour"],"credit_code":"91330782NRW0369CFC","name":"义乌鼎盛劳务有限公司","supplier_id":"sup-0228d968ecad47f5"}'),
	(142, 'a124020c-ea2c-42c3-b691-425fa0f40e68', 'SupplierReviewed', 'supplier', 'sup-0228d968ecad47f5', '2026-05-02 01:00:00+00', 156, '{"comment":"符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(143, '9bc6ffeb-8082-4166-9780-6e717bd969a5', 'SupplierReviewed', 'supplier', 'sup-0228d968ecad47f5', '2026-05-02 01:00:00+00', 157, '{"comment":"符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(144, 'c70ca517-6d26-445d-9bc9-dd2305c7511f', 'SupplierReviewed', 'supplier', 'sup-0228d968ecad47f5', '2026-05-02 01:00:00+00', 158, '{"comment":"符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(145, '4a2a1bd4-310e-4c84-9911-71885cda820d', 'SupplierAdmitted', 'supplier', 'sup-0228d968ecad47f5', '2026-05-02 01:00:00+00', 159, '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(146, '350a62e3-1179-4265-a395-e8c22ecafc40', 'SupplierStandingChanged', 'supplier', 'sup-0228d968ecad47f5', '2026-05-02 01:00:00+00', 160, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(147, 'fcc63d9e-3156-438a-b8aa-1b128cb548d8', 'SupplierRegistered', 'supplier', 'sup-8d85a6ad14d24f5c', '2026-05-02 01:00:00+00', 161, '{"categories":["labour"],"credit_code":"91330782258BEHLPT1","name":"义乌鼎鑫建筑劳务有限公司","supplier_id":"sup-8d85a6ad14d24f5c"}'),
	(148, '3a11f013-f535-4562-a96b-fc8c03167e61', 'SupplierReviewed', 'supplier', 'sup-8d85a6ad14d24f5c', '2026-05-02 01:00:00+00', 162, '{"comment":"符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(149, '481f794e-f250-42b7-bb6d-79cc3d375bc3', 'SupplierReviewed', 'supplier', 'sup-8d85a6ad14d24f5c', '2026-05-02 01:00:00+00', 163, '{"comment":"符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(150, 'cb1030d5-7c26-411d-9d4f-be6e53e5c93d', 'SupplierReviewed', 'supplier', 'sup-8d85a6ad14d24f5c', '2026-05-02 01:00:00+00', 164, '{"comment":"符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(151, '9800e1c0-14a3-41ad-b881-6509818f260d', 'SupplierAdmitted', 'supplier', 'sup-8d85a6ad14d24f5c', '2026-05-02 01:00:00+00', 165, '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(152, '38fa3206-247a-4270-9c0a-fa53e1f7845d', 'SupplierStandingChanged', 'supplier', 'sup-8d85a6ad14d24f5c', '2026-05-02 01:00:00+00', 166, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(153, '8c891162-3c81-4af6-9aaf-a8a4edbf47d2', 'SupplierRegistered', 'supplier', 'sup-59eec51614594e58', '2026-05-02 01:00:00+00', 167, '{"categories":["labour"],"credit_code":"91330782DGKNRW036M","name":"金华正泰劳务有限公司","supplier_id":"sup-59eec51614594e58"}'),
	(154, '384a3e24-0af9-4cf6-acbb-f294e42798c5', 'SupplierReviewed', 'supplier', 'sup-59eec51614594e58', '2026-05-02 01:00:00+00', 168, '{"comment":"符合要求","department":"purchasing","from":"applied","passed":true,"round":1,"to":"under_review"}'),
	(155, '32138cff-3a32-42bb-9b4b-504475a2eeb2', 'SupplierReviewed', 'supplier', 'sup-59eec51614594e58', '2026-05-02 01:00:00+00', 169, '{"comment":"符合要求","department":"quality","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(156, '08dd34d4-3e7b-4036-b3ff-97a7518567a3', 'SupplierReviewed', 'supplier', 'sup-59eec51614594e58', '2026-05-02 01:00:00+00', 170, '{"comment":"符合要求","department":"technical","from":"under_review","passed":true,"round":1,"to":"under_review"}'),
	(157, '15ec6078-bcb8-473c-90fa-713e3bf82314', 'SupplierAdmitted', 'supplier', 'sup-59eec51614594e58', '2026-05-02 01:00:00+00', 171, '{"categories":["labour"],"from":"under_review","reason":"","reviewers":{"purchasing":"p-wang","quality":"q-zhao","technical":"t-chen"},"round":1,"site_inspection":false,"to":"admitted"}'),
	(158, 'a32a0c59-f601-4295-8d37-2d3b45b461bb', 'SupplierStandingChanged', 'supplier', 'sup-59eec51614594e58', '2026-05-02 01:00:00+00', 172, '{"event":"admit","from":null,"reason":"admitted","to":"active"}'),
	(159, '0bdcfddf-0e83-45fd-8fdc-bf5b47aa9eba', 'TenderPublished', 'tender', 'tdr-5c9cea1c045b', '2026-05-02 01:00:00+00', 174, '{"bid_security":"0.00","buyer":"浙江津义建设","category":"labour","ceiling_price":"320000.00","custodians":[{"actor_id":"p-wang","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","index":2,"name":"周纪检 Zhou","supervisor":true}],"deadline":"2026-05-06T01:00:00+00:00","evaluation":{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}},"lots":[{"id":"L1","items":[{"name":"脚手架搭拆劳务 scaffolding labour","quantity":"5200","specification":"","unit":"m²"}],"title":"scaffolding"}],"method":"price_inquiry","profile":{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5},"public_key":"bae745ff39e33f4b143284b2cfa05a6c7117435d5eb0ab8aeb2760f93b85921f","rules_digest":"f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f","tender_id":"tdr-5c9cea1c045b","threshold":2,"title":"Scaffolding labour, building 5 脚手架劳务","two_envelopes":false}'),
	(160, '8f8d92db-7306-48ae-ba22-c48db7acbb59', 'TenderClosed', 'tender', 'tdr-5c9cea1c045b', '2026-05-06 01:10:00+00', 178, '{"deadline":"2026-05-06T01:00:00+00:00","from":"published","tender_id":"tdr-5c9cea1c045b","to":"closed"}'),
	(161, '1b5d7d19-f33d-4e24-9a56-d7a6f7d8533b', 'TenderOpened', 'tender', 'tdr-5c9cea1c045b', '2026-05-06 01:10:00+00', 179, '{"bids":3,"custodians_present":["p-wang","s-zhou"],"reason":null,"record_digest":"8b696d4bb83a00295aa474d211c7b251f62d37d0db3836cd3675f832223526fb","stage":"bid","tender_id":"tdr-5c9cea1c045b","valid_bids":3}');

INSERT INTO platform_setting VALUES
	('suppliers.identity_hmac_key', '{"hex":"cfde8e8f286f1e53427dc6a55f4bdbf7353d645a1fc8fd1700d0546dc4dc3b8b"}'),
	('bidding.receipt_signing_key', '{"seed":"1b1a945f98ec03d195e15fc687553e7b70984dc465228ae90538074fe55eb97b"}');

INSERT INTO supplier VALUES
	('sup-ed6679e458a144c4', '91330782730000000N', '义乌钢联建材有限公司', '法人100', '浙江省义乌市工业路100号', '[{"email":"sales100@example.cn","name":"联系人100","phone":"13905790100"}]', '义乌农商银行', '6228 0579 00000100', 300000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-f7fc0cd2fb654da9', '913307828300000002', '浙中水泥制品有限公司', '法人101', '浙江省义乌市工业路101号', '[{"email":"sales101@example.cn","name":"联系人101","phone":"13905790101"}]', '义乌农商银行', '6228 0579 00000101', 300000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-310ab7d4022e4524', '91330782930000000D', '金华恒通管业有限公司', '法人102', '浙江省义乌市工业路102号', '[{"email":"sales102@example.cn","name":"联系人102","phone":"13905790102"}]', '义乌农商银行', '6228 0579 00000102', 300000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-76f83fc14410465b', '91330782A30000000Q', '稠州五金机电有限公司', '法人103', '浙江省义乌市工业路103号', '[{"email":"sales103@example.cn","name":"联系人103","phone":"13905790103"}]', '义乌农商银行', '6228 0579 00000103', 300000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-167ac4b925984a0f', '91330782B300000004', '佛堂混凝土有限公司', '法人104', '浙江省义乌市工业路104号', '[{"email":"sales104@example.cn","name":"联系人104","phone":"13905790104"}]', '义乌农商银行', '6228 0579 00000104', 300000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-a863517f6dd84f71', '91330782C30000000F', '义乌建工劳务有限公司', '法人105', '浙江省义乌市工业路105号', '[{"email":"sales105@example.cn","name":"联系人105","phone":"13905790105"}]', '义乌农商银行', '6228 0579 00000105', 80000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-2ad2c830879740a1', '91330782D30000000T', '东阳木工劳务合作社', '法人106', '浙江省义乌市工业路106号', '[{"email":"sales106@example.cn","name":"联系人106","phone":"13905790106"}]', '义乌农商银行', '6228 0579 00000106', 80000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-df2dcb2391a14b78', '91330782E300000006', '浦江安装劳务有限公司', '法人107', '浙江省义乌市工业路107号', '[{"email":"sales107@example.cn","name":"联系人107","phone":"13905790107"}]', '义乌农商银行', '6228 0579 00000107', 80000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-740fef4330de4514', '91330782U30000000R', '华东钢铁集团义乌分公司', '法人120', '浙江省义乌市工业路120号', '[{"email":"sales120@example.cn","name":"联系人120","phone":"13905790120"}]', '义乌农商银行', '6228 0579 00000120', 500000000, 'admitted', 'active', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-69a50a23dee74b1d', '91330782640000000D', '金华速达劳务有限公司', '法人130', '浙江省义乌市工业路130号', '[{"email":"sales130@example.cn","name":"联系人130","phone":"13905790130"}]', '义乌农商银行', '6228 0579 00000130', 80000000, 'rejected', NULL, 1, 'p-li', '2026-03-02 01:00:00+00', NULL, NULL, NULL, NULL),
	('sup-a85768d22c464c6f', '91330782G40000000Y', '义乌低价建材商行', '法人140', '浙江省义乌市工业路140号', '[{"email":"sales140@example.cn","name":"联系人140","phone":"13905790140"}]', '义乌农商银行', '6228 0579 00000140', 80000000, 'admitted', 'suspended', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', NULL, NULL, NULL),
	('sup-2585617b27854cd4', '91330782H40000000A', '义乌劣质钢材贸易行', '法人141', '浙江省义乌市工业路141号', '[{"email":"sales141@example.cn","name":"联系人141","phone":"13905790141"}]', '义乌农商银行', '6228 0579 00000141', 80000000, 'admitted', 'blacklisted', 1, 'p-li', '2026-03-02 01:00:00+00', '2026-03-02 01:00:00+00', '2029-03-01 01:00:00+00', NULL, NULL),
	('sup-08a7645af2174f89', '91330782T40000000G', '义乌新钢贸易有限公司', '法人150', '浙江省义乌市工业路150号', '[{"email":"sales150@example.cn","name":"联系人150","phone":"13905790150"}]', '义乌农商银行', '6228 0579 00000141', 80000000, 'applied', NULL, 1, 'p-li', '2026-03-02 01:00:00+00', NULL, NULL, NULL, NULL),
	('sup-0228d968ecad47f5', '91330782NRW0369CFC', '义乌鼎盛劳务有限公司', '楼建国', '浙江省义乌市北苑街道春华路88号', '[{"email":"","name":"联系人7101","phone":"13857907101"}]', '义乌农商银行', '6228 0579 90007101', 60000000, 'admitted', 'active', 1, 'p-li', '2026-05-02 01:00:00+00', '2026-05-02 01:00:00+00', NULL, NULL, NULL),
	('sup-8d85a6ad14d24f5c', '91330782258BEHLPT1', '义乌鼎鑫建筑劳务有限公司', '楼建国', '浙江省义乌市北苑街道春华路88号', '[{"email":"","name":"楼经理","phone":"13857907101"}]', '义乌农商银行', '6228 0579 90007102', 60000000, 'admitted', 'active', 1, 'p-li', '2026-05-02 01:00:00+00', '2026-05-02 01:00:00+00', NULL, NULL, NULL),
	('sup-59eec51614594e58', '91330782DGKNRW036M', '金华正泰劳务有限公司', '法人7103', '浙江省义乌市佛堂镇工业区7103号', '[{"email":"","name":"联系人7103","phone":"13857907103"}]', '义乌农商银行', '6228 0579 90007103', 60000000, 'admitted', 'active', 1, 'p-li', '2026-05-02 01:00:00+00', '2026-05-02 01:00:00+00', NULL, NULL, NULL);

INSERT INTO supplier_category VALUES
	('sup-ed6679e458a144c4', 'materials', true, NULL),
	('sup-f7fc0cd2fb654da9', 'materials', true, NULL),
	('sup-310ab7d4022e4524', 'materials', true, NULL),
	('sup-76f83fc14410465b', 'materials', true, NULL),
	('sup-167ac4b925984a0f', 'materials', true, NULL),
	('sup-a863517f6dd84f71', 'labour', true, NULL),
	('sup-2ad2c830879740a1', 'labour', true, NULL),
	('sup-df2dcb2391a14b78', 'labour', true, NULL),
	('sup-740fef4330de4514', 'materials', true, NULL),
	('sup-69a50a23dee74b1d', 'labour', false, NULL),
	('sup-a85768d22c464c6f', 'materials', true, NULL),
	('sup-2585617b27854cd4', 'materials', true, NULL),
	('sup-08a7645af2174f89', 'materials', false, NULL),
	('sup-0228d968ecad47f5', 'labour', true, NULL),
	('sup-8d85a6ad14d24f5c', 'labour', true, NULL),
	('sup-59eec51614594e58', 'labour', true, NULL);

INSERT INTO supplier_inspection VALUES
	(1, 'sup-ed6679e458a144c4', 1, '["p-wang","t-chen"]', '现场考察：生产、仓储、质检符合要求', true, '2026-03-02 01:00:00+00'),
	(2, 'sup-f7fc0cd2fb654da9', 1, '["p-wang","t-chen"]', '现场考察：生产、仓储、质检符合要求', true, '2026-03-02 01:00:00+00'),
	(3, 'sup-310ab7d4022e4524', 1, '["p-wang","t-chen"]', '现场考察：生产、仓储、质检符合要求', true, '2026-03-02 01:00:00+00'),
	(4, 'sup-76f83fc14410465b', 1, '["p-wang","t-chen"]', '现场考察：生产、仓储、质检符合要求', true, '2026-03-02 01:00:00+00'),
	(5, 'sup-167ac4b925984a0f', 1, '["p-wang","t-chen"]', '现场考察：生产、仓储、质检符合要求', true, '2026-03-02 01:00:00+00'),
	(6, 'sup-740fef4330de4514', 1, '["p-wang","q-zhao"]', '现场考察：轧钢生产线、质检实验室、仓储运输均符合要求', true, '2026-03-02 01:00:00+00');

INSERT INTO supplier_link VALUES
	(1, 'sup-ed6679e458a144c4', 'person', '66fade6d6a1c22bfef87678744b700c15bc74b38ac96e9e10b2b40f2b316c240', 'legal_representative: 法人100'),
	(2, 'sup-ed6679e458a144c4', 'phone', '13905790100', '联系人100 13905790100'),
	(3, 'sup-ed6679e458a144c4', 'email', 'sales100@example.cn', '联系人100 sales100@example.cn'),
	(4, 'sup-ed6679e458a144c4', 'address', '浙江省义乌市工业路100号', '浙江省义乌市工业路100号'),
	(5, 'sup-ed6679e458a144c4', 'bank_account', '6228057900000100', '义乌农商银行 6228 0579 00000100'),
	(6, 'sup-f7fc0cd2fb654da9', 'person', '2a034645166ee2d04bb5750e1b948c29f9be1e299d9bb62ded1212db694cd3a9', 'legal_representative: 法人101'),
	(7, 'sup-f7fc0cd2fb654da9', 'phone', '13905790101', '联系人101 13905790101'),
	(8, 'sup-f7fc0cd2fb654da9', 'email', 'sales101@example.cn', '联系人101 sales101@example.cn'),
	(9, 'sup-f7fc0cd2fb654da9', 'address', '浙江省义乌市工业路101号', '浙江省义乌市工业路101号'),
	(10, 'sup-f7fc0cd2fb654da9', 'bank_account', '6228057900000101', '义乌农商银行 6228 0579 00000101'),
	(11, 'sup-310ab7d4022e4524', 'person', '864a597f727641b5fbfde6f738d1827a1a9f889f540fce5f4d849b1fbbe9cbdd', 'legal_representative: 法人102'),
	(12, 'sup-310ab7d4022e4524', 'phone', '13905790102', '联系人102 13905790102'),
	(13, 'sup-310ab7d4022e4524', 'email', 'sales102@example.cn', '联系人102 sales102@example.cn'),
	(14, 'sup-310ab7d4022e4524', 'address', '浙江省义乌市工业路102号', '浙江省义乌市工业路102号'),
	(15, 'sup-310ab7d4022e4524', 'bank_account', '6228057900000102', '义乌农商银行 6228 0579 00000102'),
	(16, 'sup-76f83fc14410465b', 'person', '3939190fde01958cf7d98abc0a8d03324771257601c0c99c1adc6af6e49e71ad', 'legal_representative: 法人103'),
	(17, 'sup-76f83fc14410465b', 'phone', '13905790103', '联系人103 13905790103'),
	(18, 'sup-76f83fc14410465b', 'email', 'sales103@example.cn', '联系人103 sales103@example.cn'),
	(19, 'sup-76f83fc14410465b', 'address', '浙江省义乌市工业路103号', '浙江省义乌市工业路103号'),
	(20, 'sup-76f83fc14410465b', 'bank_account', '6228057900000103', '义乌农商银行 6228 0579 00000103'),
	(21, 'sup-167ac4b925984a0f', 'person', '35400e190200971570c74d88e6dc34309489ffbf4112146e9e00ce6e16277604', 'legal_representative: 法人104'),
	(22, 'sup-167ac4b925984a0f', 'phone', '13905790104', '联系人104 13905790104'),
	(23, 'sup-167ac4b925984a0f', 'email', 'sales104@example.cn', '联系人104 sales104@example.cn'),
	(24, 'sup-167ac4b925984a0f', 'address', '浙江省义乌市工业路104号', '浙江省义乌市工业路104号'),
	(25, 'sup-167ac4b925984a0f', 'bank_account', '6228057900000104', '义乌农商银行 6228 0579 00000104'),
	(26, 'sup-a863517f6dd84f71', 'person', '541622d8aed162c18348b3217798c27767a2d91a9d53c407f9de5b8ae7e22c99', 'legal_representative: 法人105'),
	(27, 'sup-a863517f6dd84f71', 'phone', '13905790105', '联系人105 13905790105'),
	(28, 'sup-a863517f6dd84f71', 'email', 'sales105@example.cn', '联系人105 sales105@example.cn'),
	(29, 'sup-a863517f6dd84f71', 'address', '浙江省义乌市工业路105号', '浙江省义乌市工业路105号'),
	(30, 'sup-a863517f6dd84f71', 'bank_account', '6228057900000105', '义乌农商银行 6228 0579 00000105'),
	(31, 'sup-2ad2c830879740a1', 'person', '1eecd087a7045538d2d3cc03fed5dc70e52f6176967bf1b27e7dea532d5cb6dd', 'legal_representative: 法人106'),
	(32, 'sup-2ad2c830879740a1', 'phone', '13905790106', '联系人106 13905790106'),
	(33, 'sup-2ad2c830879740a1', 'email', 'sales106@example.cn', '联系人106 sales106@example.cn'),
	(34, 'sup-2ad2c830879740a1', 'address', '浙江省义乌市工业路106号', '浙江省义乌市工业路106号'),
	(35, 'sup-2ad2c830879740a1', 'bank_account', '6228057900000106', '义乌农商银行 6228 0579 00000106'),
	(36, 'sup-df2dcb2391a14b78', 'person', 'baea56fabf57760cce4d3d51a3e8dbaf5375ab33d3d90ddb441d371b8cf85f00', 'legal_representative: 法人107'),
	(37, 'sup-df2dcb2391a14b78', 'phone', '13905790107', '联系人107 13905790107'),
	(38, 'sup-df2dcb2391a14b78', 'email', 'sales107@example.cn', '联系人107 sales107@example.cn'),
	(39, 'sup-df2dcb2391a14b78', 'address', '浙江省义乌市工业路107号', '浙江省义乌市工业路107号'),
	(40, 'sup-df2dcb2391a14b78', 'bank_account', '6228057900000107', '义乌农商银行 6228 0579 00000107'),
	(41, 'sup-740fef4330de4514', 'person', '2430768b12737e161e1953af333c04a06bf3fef65e8eb4f82f2feab37197ec16', 'legal_representative: 法人120'),
	(42, 'sup-740fef4330de4514', 'phone', '13905790120', '联系人120 13905790120'),
	(43, 'sup-740fef4330de4514', 'email', 'sales120@example.cn', '联系人120 sales120@example.cn'),
	(44, 'sup-740fef4330de4514', 'address', '浙江省义乌市工业路120号', '浙江省义乌市工业路120号'),
	(45, 'sup-740fef4330de4514', 'bank_account', '6228057900000120', '义乌农商银行 6228 0579 00000120'),
	(46, 'sup-69a50a23dee74b1d', 'person', '6b1cfb76aedcaf4764b292e170ca61004ae205780f7414d879c8f9e53bff0047', 'legal_representative: 法人130'),
	(47, 'sup-69a50a23dee74b1d', 'phone', '13905790130', '联系人130 13905790130'),
	(48, 'sup-69a50a23dee74b1d', 'email', 'sales130@example.cn', '联系人130 sales130@example.cn'),
	(49, 'sup-69a50a23dee74b1d', 'address', '浙江省义乌市工业路130号', '浙江省义乌市工业路130号'),
	(50, 'sup-69a50a23dee74b1d', 'bank_account', '6228057900000130', '义乌农商银行 6228 0579 00000130'),
	(51, 'sup-a85768d22c464c6f', 'person', '7056b8ed6154e06efc9d3ef380230b156e0748e60a1591425d6e052bb9f04785', 'legal_representative: 法人140'),
	(52, 'sup-a85768d22c464c6f', 'phone', '13905790140', '联系人140 13905790140'),
	(53, 'sup-a85768d22c464c6f', 'email', 'sales140@example.cn', '联系人140 sales140@example.cn'),
	(54, 'sup-a85768d22c464c6f', 'address', '浙江省义乌市工业路140号', '浙江省义乌市工业路140号'),
	(55, 'sup-a85768d22c464c6f', 'bank_account', '6228057900000140', '义乌农商银行 6228 0579 00000140'),
	(56, 'sup-2585617b27854cd4', 'person', '5c9a5eccf186572552d2d1aa49a960ee651513e97a400dac999d2d36bb09a652', 'legal_representative: 法人141'),
	(57, 'sup-2585617b27854cd4', 'phone', '13905790141', '联系人141 13905790141'),
	(58, 'sup-2585617b27854cd4', 'email', 'sales141@example.cn', '联系人141 sales141@example.cn'),
	(59, 'sup-2585617b27854cd4', 'address', '浙江省义乌市工业路141号', '浙江省义乌市工业路141号'),
	(60, 'sup-2585617b27854cd4', 'bank_account', '6228057900000141', '义乌农商银行 6228 0579 00000141'),
	(61, 'sup-08a7645af2174f89', 'person', '5c9a5eccf186572552d2d1aa49a960ee651513e97a400dac999d2d36bb09a652', 'legal_representative: 法人150'),
	(62, 'sup-08a7645af2174f89', 'phone', '13905790150', '联系人150 13905790150'),
	(63, 'sup-08a7645af2174f89', 'email', 'sales150@example.cn', '联系人150 sales150@example.cn'),
	(64, 'sup-08a7645af2174f89', 'address', '浙江省义乌市工业路150号', '浙江省义乌市工业路150号'),
	(65, 'sup-08a7645af2174f89', 'bank_account', '6228057900000141', '义乌农商银行 6228 0579 00000141'),
	(66, 'sup-0228d968ecad47f5', 'person', 'c093595a9866e4b9830c769df4b4b8a87650494d26ffecccb2ddbe4d0f806d9f', 'legal_representative: 楼建国'),
	(67, 'sup-0228d968ecad47f5', 'phone', '13857907101', '联系人7101 13857907101'),
	(68, 'sup-0228d968ecad47f5', 'address', '浙江省义乌市北苑街道春华路88号', '浙江省义乌市北苑街道春华路88号'),
	(69, 'sup-0228d968ecad47f5', 'bank_account', '6228057990007101', '义乌农商银行 6228 0579 90007101'),
	(70, 'sup-8d85a6ad14d24f5c', 'person', 'c093595a9866e4b9830c769df4b4b8a87650494d26ffecccb2ddbe4d0f806d9f', 'legal_representative: 楼建国'),
	(71, 'sup-8d85a6ad14d24f5c', 'phone', '13857907101', '楼经理 13857907101'),
	(72, 'sup-8d85a6ad14d24f5c', 'address', '浙江省义乌市北苑街道春华路88号', '浙江省义乌市北苑街道春华路88号'),
	(73, 'sup-8d85a6ad14d24f5c', 'bank_account', '6228057990007102', '义乌农商银行 6228 0579 90007102'),
	(74, 'sup-59eec51614594e58', 'person', 'b477d49f694158b7a38b9abd6373aadcb0863bb02a8975bc8dfe72a106313841', 'legal_representative: 法人7103'),
	(75, 'sup-59eec51614594e58', 'phone', '13857907103', '联系人7103 13857907103'),
	(76, 'sup-59eec51614594e58', 'address', '浙江省义乌市佛堂镇工业区7103号', '浙江省义乌市佛堂镇工业区7103号'),
	(77, 'sup-59eec51614594e58', 'bank_account', '6228057990007103', '义乌农商银行 6228 0579 90007103');

INSERT INTO supplier_performance_event VALUES
	(1, 'sup-ed6679e458a144c4', 'HT-2026-02-000', 'on_time_delivery', 1, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(2, 'sup-f7fc0cd2fb654da9', 'HT-2026-02-001', 'late_delivery', 2, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(3, 'sup-a863517f6dd84f71', 'HT-2026-02-002', 'service_complaint', 1, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(4, 'sup-a85768d22c464c6f', 'HT-2026-02-003', 'late_delivery', 5, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(5, 'sup-a85768d22c464c6f', 'HT-2026-02-004', 'quality_defect', 5, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(6, 'sup-a85768d22c464c6f', 'HT-2026-02-005', 'safety_incident', 4, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(7, 'sup-a85768d22c464c6f', 'HT-2026-02-006', 'late_delivery', 5, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(8, 'sup-a85768d22c464c6f', 'HT-2026-02-007', 'quality_defect', 5, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(9, 'sup-a85768d22c464c6f', 'HT-2026-02-008', 'safety_incident', 5, '2026-02-10 02:00:00+00', 'q-zhao', ''),
	(10, 'sup-76f83fc14410465b', 'HT-2026-03-017', 'on_time_delivery', 1, '2026-03-20 02:00:00+00', 'q-zhao', ''),
	(11, 'sup-76f83fc14410465b', 'ctr-65ca40ea1e4c', 'late_delivery', 4, '2026-04-16 16:00:00+00', 'q-zhao', ''),
	(12, 'sup-76f83fc14410465b', 'ctr-65ca40ea1e4c', 'quality_defect', 5, '2026-04-19 16:00:00+00', 'q-zhao', ''),
	(13, 'sup-76f83fc14410465b', 'ctr-65ca40ea1e4c', 'safety_incident', 3, '2026-04-22 16:00:00+00', 'q-zhao', '');

INSERT INTO supplier_performance_period VALUES
	('month:2026-02', 'month', '2026-02', '2026-01-31 16:00:00+00', '2026-02-28 16:00:00+00', '2026-03-02 01:00:00+00', 'p-wang', 4),
	('month:2026-03', 'month', '2026-03', '2026-02-28 16:00:00+00', '2026-03-31 16:00:00+00', '2026-04-16 16:00:00+00', 'p-wang', 1),
	('month:2026-04', 'month', '2026-04', '2026-03-31 16:00:00+00', '2026-04-30 16:00:00+00', '2026-05-02 01:00:00+00', 'p-wang', 1);

INSERT INTO supplier_person VALUES
	(1, 'sup-ed6679e458a144c4', 'legal_representative', '法人100', '66fade6d6a1c22bfef87678744b700c15bc74b38ac96e9e10b2b40f2b316c240'),
	(2, 'sup-f7fc0cd2fb654da9', 'legal_representative', '法人101', '2a034645166ee2d04bb5750e1b948c29f9be1e299d9bb62ded1212db694cd3a9'),
	(3, 'sup-310ab7d4022e4524', 'legal_representative', '法人102', '864a597f727641b5fbfde6f738d1827a1a9f889f540fce5f4d849b1fbbe9cbdd'),
	(4, 'sup-76f83fc14410465b', 'legal_representative', '法人103', '3939190fde01958cf7d98abc0a8d03324771257601c0c99c1adc6af6e49e71ad'),
	(5, 'sup-167ac4b925984a0f', 'legal_representative', '法人104', '35400e190200971570c74d88e6dc34309489ffbf4112146e9e00ce6e16277604'),
	(6, 'sup-a863517f6dd84f71', 'legal_representative', '法人105', '541622d8aed162c18348b3217798c27767a2d91a9d53c407f9de5b8ae7e22c99'),
	(7, 'sup-2ad2c830879740a1', 'legal_representative', '法人106', '1eecd087a7045538d2d3cc03fed5dc70e52f6176967bf1b27e7dea532d5cb6dd'),
	(8, 'sup-df2dcb2391a14b78', 'legal_representative', '法人107', 'baea56fabf57760cce4d3d51a3e8dbaf5375ab33d3d90ddb441d371b8cf85f00'),
	(9, 'sup-740fef4330de4514', 'legal_representative', '法人120', '2430768b12737e161e1953af333c04a06bf3fef65e8eb4f82f2feab37197ec16'),
	(10, 'sup-69a50a23dee74b1d', 'legal_representative', '法人130', '6b1cfb76aedcaf4764b292e170ca61004ae205780f7414d879c8f9e53bff0047'),
	(11, 'sup-a85768d22c464c6f', 'legal_representative', '法人140', '7056b8ed6154e06efc9d3ef380230b156e0748e60a1591425d6e052bb9f04785'),
	(12, 'sup-2585617b27854cd4', 'legal_representative', '法人141', '5c9a5eccf186572552d2d1aa49a960ee651513e97a400dac999d2d36bb09a652'),
	(13, 'sup-08a7645af2174f89', 'legal_representative', '法人150', '5c9a5eccf186572552d2d1aa49a960ee651513e97a400dac999d2d36bb09a652'),
	(14, 'sup-0228d968ecad47f5', 'legal_representative', '楼建国', 'c093595a9866e4b9830c769df4b4b8a87650494d26ffecccb2ddbe4d0f806d9f'),
	(15, 'sup-8d85a6ad14d24f5c', 'legal_representative', '楼建国', 'c093595a9866e4b9830c769df4b4b8a87650494d26ffecccb2ddbe4d0f806d9f'),
	(16, 'sup-59eec51614594e58', 'legal_representative', '法人7103', 'b477d49f694158b7a38b9abd6373aadcb0863bb02a8975bc8dfe72a106313841');

INSERT INTO supplier_qualification VALUES
	(1, 'sup-ed6679e458a144c4', 'business_licence', '', 'BUSI-100', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(2, 'sup-ed6679e458a144c4', 'quality_management_certificate', '', 'QUAL-100', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(3, 'sup-f7fc0cd2fb654da9', 'business_licence', '', 'BUSI-101', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(4, 'sup-f7fc0cd2fb654da9', 'quality_management_certificate', '', 'QUAL-101', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(5, 'sup-310ab7d4022e4524', 'business_licence', '', 'BUSI-102', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(6, 'sup-310ab7d4022e4524', 'quality_management_certificate', '', 'QUAL-102', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(7, 'sup-76f83fc14410465b', 'business_licence', '', 'BUSI-103', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(8, 'sup-76f83fc14410465b', 'quality_management_certificate', '', 'QUAL-103', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(9, 'sup-167ac4b925984a0f', 'business_licence', '', 'BUSI-104', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(10, 'sup-167ac4b925984a0f', 'quality_management_certificate', '', 'QUAL-104', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(11, 'sup-a863517f6dd84f71', 'business_licence', '', 'BUSI-105', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(12, 'sup-a863517f6dd84f71', 'labour_services_qualification', '', 'LABO-105', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(13, 'sup-a863517f6dd84f71', 'work_safety_licence', '', 'WORK-105', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(14, 'sup-2ad2c830879740a1', 'business_licence', '', 'BUSI-106', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(15, 'sup-2ad2c830879740a1', 'labour_services_qualification', '', 'LABO-106', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(16, 'sup-2ad2c830879740a1', 'work_safety_licence', '', 'WORK-106', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(17, 'sup-df2dcb2391a14b78', 'business_licence', '', 'BUSI-107', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(18, 'sup-df2dcb2391a14b78', 'labour_services_qualification', '', 'LABO-107', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(19, 'sup-df2dcb2391a14b78', 'work_safety_licence', '', 'WORK-107', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(20, 'sup-740fef4330de4514', 'business_licence', '', 'BUSI-120', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(21, 'sup-740fef4330de4514', 'quality_management_certificate', '', 'QUAL-120', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(22, 'sup-69a50a23dee74b1d', 'business_licence', '', 'BUSI-130', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(23, 'sup-69a50a23dee74b1d', 'labour_services_qualification', '', 'LABO-130', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(24, 'sup-69a50a23dee74b1d', 'work_safety_licence', '', 'WORK-130', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2026-02-27 16:00:00+00'),
	(25, 'sup-a85768d22c464c6f', 'business_licence', '', 'BUSI-140', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(26, 'sup-a85768d22c464c6f', 'quality_management_certificate', '', 'QUAL-140', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(27, 'sup-2585617b27854cd4', 'business_licence', '', 'BUSI-141', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(28, 'sup-2585617b27854cd4', 'quality_management_certificate', '', 'QUAL-141', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(29, 'sup-08a7645af2174f89', 'business_licence', '', 'BUSI-150', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(30, 'sup-08a7645af2174f89', 'quality_management_certificate', '', 'QUAL-150', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(31, 'sup-0228d968ecad47f5', 'business_licence', '', 'busi-7101', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(32, 'sup-0228d968ecad47f5', 'labour_services_qualification', '', 'labo-7101', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(33, 'sup-0228d968ecad47f5', 'work_safety_licence', '', 'work-7101', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(34, 'sup-8d85a6ad14d24f5c', 'business_licence', '', 'busi-7102', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(35, 'sup-8d85a6ad14d24f5c', 'labour_services_qualification', '', 'labo-7102', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(36, 'sup-8d85a6ad14d24f5c', 'work_safety_licence', '', 'work-7102', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(37, 'sup-59eec51614594e58', 'business_licence', '', 'busi-7103', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(38, 'sup-59eec51614594e58', 'labour_services_qualification', '', 'labo-7103', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00'),
	(39, 'sup-59eec51614594e58', 'work_safety_licence', '', 'work-7103', '义乌市市场监督管理局', '2020-01-01 00:00:00+00', '2040-01-01 00:00:00+00');

INSERT INTO supplier_request VALUES
	('req-3df715f53f3440e6', 'sup-2585617b27854cd4', 'blacklist', 'approved', 'falsified mill certificates 伪造钢材质保书', '["质检报告 ZJ-2026-0211","厂家否认函"]', 1095, 'p-wang', '2026-03-02 01:00:00+00', '[{"actor_id":"p-wang","at":"2026-03-02T01:00:00+00:00","note":"","roles":["purchasing"]},{"actor_id":"s-zhou","at":"2026-03-02T01:00:00+00:00","note":"证据确凿","roles":["supervisor"]}]', '2026-03-02 01:00:00+00', 'active', NULL);

INSERT INTO supplier_review VALUES
	(1, 'sup-ed6679e458a144c4', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(2, 'sup-ed6679e458a144c4', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(3, 'sup-ed6679e458a144c4', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(4, 'sup-f7fc0cd2fb654da9', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(5, 'sup-f7fc0cd2fb654da9', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(6, 'sup-f7fc0cd2fb654da9', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(7, 'sup-310ab7d4022e4524', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(8, 'sup-310ab7d4022e4524', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(9, 'sup-310ab7d4022e4524', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(10, 'sup-76f83fc14410465b', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(11, 'sup-76f83fc14410465b', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(12, 'sup-76f83fc14410465b', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(13, 'sup-167ac4b925984a0f', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(14, 'sup-167ac4b925984a0f', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(15, 'sup-167ac4b925984a0f', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(16, 'sup-a863517f6dd84f71', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(17, 'sup-a863517f6dd84f71', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(18, 'sup-a863517f6dd84f71', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(19, 'sup-2ad2c830879740a1', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(20, 'sup-2ad2c830879740a1', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(21, 'sup-2ad2c830879740a1', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(22, 'sup-df2dcb2391a14b78', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(23, 'sup-df2dcb2391a14b78', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(24, 'sup-df2dcb2391a14b78', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(25, 'sup-740fef4330de4514', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(26, 'sup-740fef4330de4514', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(27, 'sup-740fef4330de4514', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(28, 'sup-69a50a23dee74b1d', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(29, 'sup-69a50a23dee74b1d', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(30, 'sup-69a50a23dee74b1d', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(31, 'sup-a85768d22c464c6f', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(32, 'sup-a85768d22c464c6f', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(33, 'sup-a85768d22c464c6f', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(34, 'sup-2585617b27854cd4', 1, 'purchasing', 'p-wang', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(35, 'sup-2585617b27854cd4', 1, 'quality', 'q-zhao', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(36, 'sup-2585617b27854cd4', 1, 'technical', 't-chen', true, '资料齐全，符合要求', '2026-03-02 01:00:00+00'),
	(37, 'sup-0228d968ecad47f5', 1, 'purchasing', 'p-wang', true, '符合要求', '2026-05-02 01:00:00+00'),
	(38, 'sup-0228d968ecad47f5', 1, 'quality', 'q-zhao', true, '符合要求', '2026-05-02 01:00:00+00'),
	(39, 'sup-0228d968ecad47f5', 1, 'technical', 't-chen', true, '符合要求', '2026-05-02 01:00:00+00'),
	(40, 'sup-8d85a6ad14d24f5c', 1, 'purchasing', 'p-wang', true, '符合要求', '2026-05-02 01:00:00+00'),
	(41, 'sup-8d85a6ad14d24f5c', 1, 'quality', 'q-zhao', true, '符合要求', '2026-05-02 01:00:00+00'),
	(42, 'sup-8d85a6ad14d24f5c', 1, 'technical', 't-chen', true, '符合要求', '2026-05-02 01:00:00+00'),
	(43, 'sup-59eec51614594e58', 1, 'purchasing', 'p-wang', true, '符合要求', '2026-05-02 01:00:00+00'),
	(44, 'sup-59eec51614594e58', 1, 'quality', 'q-zhao', true, '符合要求', '2026-05-02 01:00:00+00'),
	(45, 'sup-59eec51614594e58', 1, 'technical', 't-chen', true, '符合要求', '2026-05-02 01:00:00+00');

INSERT INTO supplier_scorecard VALUES
	('month:2026-02', 'sup-a85768d22c464c6f', 50, 40, 10, 100, 100, 4900, 'D', 6),
	('month:2026-02', 'sup-a863517f6dd84f71', 100, 100, 100, 96, 100, 9960, 'A', 1),
	('month:2026-02', 'sup-ed6679e458a144c4', 100, 100, 100, 100, 100, 10000, 'A', 1),
	('month:2026-02', 'sup-f7fc0cd2fb654da9', 90, 100, 100, 100, 100, 9700, 'A', 1),
	('month:2026-03', 'sup-76f83fc14410465b', 100, 100, 100, 100, 100, 10000, 'A', 1),
	('month:2026-04', 'sup-76f83fc14410465b', 80, 70, 70, 100, 100, 7900, 'B', 3);

INSERT INTO supplier_standing_change VALUES
	(1, 'sup-ed6679e458a144c4', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 7),
	(2, 'sup-f7fc0cd2fb654da9', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 14),
	(3, 'sup-310ab7d4022e4524', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 21),
	(4, 'sup-76f83fc14410465b', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 28),
	(5, 'sup-167ac4b925984a0f', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 35),
	(6, 'sup-a863517f6dd84f71', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 41),
	(7, 'sup-2ad2c830879740a1', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 47),
	(8, 'sup-df2dcb2391a14b78', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 53),
	(9, 'sup-740fef4330de4514', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 60),
	(10, 'sup-a85768d22c464c6f', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 71),
	(11, 'sup-2585617b27854cd4', NULL, 'active', 'admitted', 'p-wang', '2026-03-02 01:00:00+00', 77),
	(12, 'sup-a85768d22c464c6f', 'active', 'suspended', 'grade D in month:2026-02', 'p-wang', '2026-03-02 01:00:00+00', 88),
	(13, 'sup-2585617b27854cd4', 'active', 'blacklisted', 'falsified mill certificates 伪造钢材质保书', 's-zhou', '2026-03-02 01:00:00+00', 90),
	(14, 'sup-0228d968ecad47f5', NULL, 'active', 'admitted', 'p-wang', '2026-05-02 01:00:00+00', 160),
	(15, 'sup-8d85a6ad14d24f5c', NULL, 'active', 'admitted', 'p-wang', '2026-05-02 01:00:00+00', 166),
	(16, 'sup-59eec51614594e58', NULL, 'active', 'admitted', 'p-wang', '2026-05-02 01:00:00+00', 172);

INSERT INTO tender VALUES
	('tdr-62e4d93df6c5', 'HRB400E rebar for the medical park, phase 2', '浙江津义建设', 'materials', 'open_tender', 'opened', 'p-wang', '2026-03-02 01:00:00+00', 200000000, 210000000, 4000000, '2026-03-23 01:00:00+00', '[{"id":"L1","items":[{"name":"rebar","quantity":"420","specification":"","unit":"t"}],"title":"HRB400E Φ12–Φ25"}]', '{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}}', '{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5}', '[]', '[]', '[{"actor_id":"p-wang","fingerprint":"e6403a355f924958385296f0151dd3060a55b40a760a16d5261e8f974798c53a","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","fingerprint":"8ba51e935147cffaf778685bcda76bdf77d994fc72df7523f945a90b57aba624","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","fingerprint":"1e287e7bae3625aaac83b25c986dbf717a22090f123b0c815729977cbe312c8d","index":3,"name":"孙财务 Sun","supervisor":false}]', 2, false, 0, '2026-03-02 01:00:00+00', 'p-wang', '2026-03-23 01:00:00+00', 'f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f', '86311fa1d286f54895bd64b5140518dd822440bc09cfe1b96831001fa37bf175', '2026-03-23 01:30:00+00', '2026-03-23 01:30:00+00', NULL, NULL, NULL, NULL, NULL, NULL),
	('tdr-b1ed6cf79877', 'Formwork labour, building 3', '浙江津义建设', 'labour', 'price_inquiry', 'awarded', 'p-wang', '2026-03-02 01:00:00+00', 36000000, 38000000, 0, '2026-03-07 01:00:00+00', '[{"id":"L1","items":[{"name":"formwork labour","quantity":"6800","specification":"","unit":"m²"}],"title":"formwork"}]', '{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}}', '{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5}', '["sup-a863517f6dd84f71","sup-2ad2c830879740a1","sup-df2dcb2391a14b78"]', '["p-wang","p-li"]', '[{"actor_id":"p-wang","fingerprint":"bb135310a9efdb9e3e7d180d29906d0c9483f0a9bb03efac2cd6d9a1ca0a3597","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","fingerprint":"f1784f90a086e28f455c4f1da1a05ef17a1f162144888caf64b9c0a74dfa3a71","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","fingerprint":"82258e6558d4faa89ea98b01b792c243dd869ae2e108fda80a7740b765e6edd4","index":3,"name":"孙财务 Sun","supervisor":false}]', 2, false, 0, '2026-03-02 01:00:00+00', 'p-wang', '2026-03-07 01:00:00+00', 'f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f', '8862c638ca324b9840900fe111ff112c64bc9c8248510fe90aa05ed98da49813', '2026-03-07 01:30:00+00', '2026-03-07 01:30:00+00', NULL, NULL, NULL, NULL, NULL, NULL),
	('tdr-88ceab12d308', 'C30 ready-mixed concrete, medical park phase 2', '浙江津义建设', 'materials', 'open_tender', 'contracted', 'p-wang', '2026-03-23 01:30:00+00', 115000000, 120000000, 2000000, '2026-04-13 01:30:00+00', '[{"id":"L1","items":[{"name":"C30","quantity":"3000","specification":"","unit":"m³"}],"title":"C30 商品混凝土"}]', '{"criteria":[{"description":"","name":"供货方案 supply plan","part":"technical","weight":"30"},{"description":"","name":"质量保证 quality assurance","part":"technical","weight":"15"},{"description":"","name":"售后服务 after-sales","part":"commercial","weight":"15"}],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"comprehensive_scoring","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"15","price":"40","technical":"45"}}', '{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5}', '[]', '[]', '[{"actor_id":"p-wang","fingerprint":"954bb2c1d9b6d82033b4c4e01e7bb98949a5cbe68ac3d84194c711bf29d22355","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","fingerprint":"1ccdab0c006c4a8533e3fe3b43215d42177e1f56bfb6e1c154a9a98d30163c15","index":2,"name":"周纪检 Zhou","supervisor":true},{"actor_id":"f-sun","fingerprint":"29b67bda8ad279b8c7f53211789b35f416518d721acc10991befa100bb8f1783","index":3,"name":"孙财务 Sun","supervisor":false}]', 2, false, 0, '2026-03-23 01:30:00+00', 'p-wang', '2026-04-13 01:30:00+00', '6aee9409ddf90787e429532b181a07a5374a86d835a8b8052781cf908355c5ce', '61ba2d2306202c47538128be318ef365bce3eb7aa14b5c60f61fcbfcbcf5c50c', '2026-04-13 01:50:00+00', '2026-04-13 01:50:00+00', NULL, NULL, NULL, NULL, NULL, NULL),
	('tdr-5c9cea1c045b', 'Scaffolding labour, building 5 脚手架劳务', '浙江津义建设', 'labour', 'price_inquiry', 'opened', 'p-wang', '2026-05-02 01:00:00+00', 30000000, 32000000, 0, '2026-05-06 01:00:00+00', '[{"id":"L1","items":[{"name":"脚手架搭拆劳务 scaffolding labour","quantity":"5200","specification":"","unit":"m²"}],"title":"scaffolding"}]', '{"criteria":[],"deduct_above_per_point":"1","deduct_below_per_point":"0","method":"lowest_evaluated_price","price_benchmark":"lowest","price_discount_percent":"0","tie_break":"technical_then_lottery","weights":{"commercial":"0","price":"100","technical":"0"}}', '{"abnormally_low_vs_mean_percent":"40","abnormally_low_vs_next_percent":"30","amendment_notice_days":15,"bid_security_cap_percent":"2","committee_expert_share_den":3,"committee_expert_share_num":2,"committee_min_size":5,"contract_within_days":30,"inquiry_min_days":3,"inquiry_min_officers":2,"inquiry_min_suppliers":3,"invited_tender_min_days":20,"max_candidates":3,"min_invitees":3,"min_valid_bids":3,"open_tender_min_days":20,"publicity_days":3,"publicity_in_workdays":false,"site_inspection_threshold":"1000000","trimmed_mean_min_members":5}', '["sup-0228d968ecad47f5","sup-8d85a6ad14d24f5c","sup-59eec51614594e58"]', '["p-wang","p-li"]', '[{"actor_id":"p-wang","fingerprint":"28469614e9ead2beffc03c5597a332a8cdea55b94ff5b090b3cd949a3459099e","index":1,"name":"王采购 Wang","supervisor":false},{"actor_id":"s-zhou","fingerprint":"9dd0d9304203ba107a7f4fed78f93db51027bcf753fa9f2849a58d4bed791e17","index":2,"name":"周纪检 Zhou","supervisor":true}]', 2, false, 0, '2026-05-02 01:00:00+00', 'p-wang', '2026-05-06 01:00:00+00', 'f1cf8cb0848a973a32be8798ab74e13d3df72eee914a57d331b1d91b0082678f', 'bae745ff39e33f4b143284b2cfa05a6c7117435d5eb0ab8aeb2760f93b85921f', '2026-05-06 01:10:00+00', '2026-05-06 01:10:00+00', NULL, NULL, NULL, NULL, NULL, NULL);

INSERT INTO tender_opening VALUES
	('tdr-b1ed6cf79877', 'bid', '2026-03-07 01:30:00+00', 's-zhou', '{"custodians_present":["s-zhou","f-sun"],"digest":"","entries":[{"bid_id":"bid-eb73f442c6f9","envelope_hash":"e89eb8b06f35f75c41427c53f17fe2d2c7d3d606e808da9ade4c9e844021b1dc","lot_prices":{"L1":"352000.00"},"reason":null,"received_at":"2026-03-03T07:00:00Z","status":"valid","supplier_id":"sup-a863517f6dd84f71","supplier_name":"义乌建工劳务有限公司","total_price":"352000.00","version":1},{"bid_id":"bid-415f2c75b2e1","envelope_hash":"7ed328d00e514c447a5fc11c86f5129ccce78f114c9faaf2019ec8906325fb7f","lot_prices":{"L1":"358400.00"},"reason":null,"received_at":"2026-03-03T09:00:00Z","status":"valid","supplier_id":"sup-2ad2c830879740a1","supplier_name":"东阳木工劳务合作社","total_price":"358400.00","version":1},{"bid_id":"bid-3f99fe959c7b","envelope_hash":"97389b31b09e64a95f7be81755f6019ca92be6338e6d4a29fc40f998375e1a50","lot_prices":{"L1":"364800.00"},"reason":null,"received_at":"2026-03-03T11:00:00Z","status":"valid","supplier_id":"sup-df2dcb2391a14b78","supplier_name":"浦江安装劳务有限公司","total_price":"364800.00","version":1}],"failure_reason":null,"opened_at":"2026-03-07T01:30:00Z","opened_by":"s-zhou","outcome":"opened","stage":"bid","tender_id":"tdr-b1ed6cf79877","valid_bids":3}', 'bfb474a535c2d68ffe87a2cdf4d3c8d185e04cf6067a13ecf568073d43a02205'),
	('tdr-62e4d93df6c5', 'bid', '2026-03-23 01:30:00+00', 's-zhou', '{"custodians_present":["p-wang","s-zhou"],"digest":"","entries":[{"bid_id":"bid-0045b8c96ee0","envelope_hash":"9a62c6262b1c899874a712e3b161b455fab6bdd2cc001ec95160116138f32a2b","lot_prices":{"L1":"1905000.00"},"reason":null,"received_at":"2026-03-02T08:00:00Z","status":"valid","supplier_id":"sup-ed6679e458a144c4","supplier_name":"义乌钢联建材有限公司","total_price":"1905000.00","version":1},{"bid_id":"bid-1f17ff486e49","envelope_hash":"6300bdc7b6521e09083e5d96b1a061d3214e31d258347e79766edef2300679cc","lot_prices":{"L1":"1942500.00"},"reason":null,"received_at":"2026-03-02T15:00:00Z","status":"valid","supplier_id":"sup-f7fc0cd2fb654da9","supplier_name":"浙中水泥制品有限公司","total_price":"1942500.00","version":1},{"bid_id":"bid-485206852000","envelope_hash":"4163c90bafbbe9a86e8b6d141f49acddf64dc41f2ba42412b728db1a795b84b2","lot_prices":{"L1":"1980000.00"},"reason":null,"received_at":"2026-03-02T22:00:00Z","status":"valid","supplier_id":"sup-310ab7d4022e4524","supplier_name":"金华恒通管业有限公司","total_price":"1980000.00","version":1},{"bid_id":"bid-9bc42c7c053b","envelope_hash":"f5211091a691a2c7347e5b9f483fd46d84b6a2aed2f5cb50730d1896e6030c37","lot_prices":{"L1":"2017500.00"},"reason":null,"received_at":"2026-03-03T05:00:00Z","status":"valid","supplier_id":"sup-76f83fc14410465b","supplier_name":"稠州五金机电有限公司","total_price":"2017500.00","version":1}],"failure_reason":null,"opened_at":"2026-03-23T01:30:00Z","opened_by":"s-zhou","outcome":"opened","stage":"bid","tender_id":"tdr-62e4d93df6c5","valid_bids":4}', 'c00fb502405393146616747fc3a25b575a35ba256f8778110babb7b44e060760'),
	('tdr-88ceab12d308', 'bid', '2026-04-13 01:50:00+00', 's-zhou', '{"custodians_present":["s-zhou","f-sun"],"digest":"","entries":[{"bid_id":"bid-9344de532054","envelope_hash":"31f54a7dd6d0175a8c334f7a95e6f513ba1892c53b0fa7026bb4b133eb88eca5","lot_prices":{"L1":"1080000.00"},"reason":null,"received_at":"2026-03-23T01:30:00Z","status":"valid","supplier_id":"sup-ed6679e458a144c4","supplier_name":"义乌钢联建材有限公司","total_price":"1080000.00","version":1},{"bid_id":"bid-6c352320dfb5","envelope_hash":"14ac469ad7290aa52ec6c0932ca80f2d75af41b8adad46804ba7f7343478666c","lot_prices":{"L1":"1105000.00"},"reason":null,"received_at":"2026-03-23T06:30:00Z","status":"valid","supplier_id":"sup-f7fc0cd2fb654da9","supplier_name":"浙中水泥制品有限公司","total_price":"1105000.00","version":1},{"bid_id":"bid-d689ff6fb242","envelope_hash":"d839de4f2770fcc3aca9b8031e6ad17c5b73fe4a0d54d1573c6d4c2f4887d4b8","lot_prices":{"L1":"1060000.00"},"reason":null,"received_at":"2026-03-23T11:30:00Z","status":"valid","supplier_id":"sup-310ab7d4022e4524","supplier_name":"金华恒通管业有限公司","total_price":"1060000.00","version":1},{"bid_id":"bid-029769425bca","envelope_hash":"d9d89c3a3f22b7fb60f92b40302a9c910ca316ca70dcd63c0049154a00757ef7","lot_prices":{"L1":"640000.00"},"reason":null,"received_at":"2026-03-23T16:30:00Z","status":"valid","supplier_id":"sup-76f83fc14410465b","supplier_name":"稠州五金机电有限公司","total_price":"640000.00","version":1}],"failure_reason":null,"opened_at":"2026-04-13T01:50:00Z","opened_by":"s-zhou","outcome":"opened","stage":"bid","tender_id":"tdr-88ceab12d308","valid_bids":4}', '15d24187d6943bbc001fb38e26c677dd67322ea2c53f5230b314742bcb4b33c9'),
	('tdr-5c9cea1c045b', 'bid', '2026-05-06 01:10:00+00', 's-zhou', '{"custodians_present":["p-wang","s-zhou"],"digest":"","entries":[{"bid_id":"bid-e00921781728","envelope_hash":"3a59b010be3800f22e8b47a844764626118b776aa78903c932795788fb01e32e","lot_prices":{"L1":"298000.00"},"reason":null,"received_at":"2026-05-02T04:00:00Z","status":"valid","supplier_id":"sup-0228d968ecad47f5","supplier_name":"义乌鼎盛劳务有限公司","total_price":"298000.00","version":1},{"bid_id":"bid-e6b14267a613","envelope_hash":"9f5772745f676f6b135ff8fa65ae37239d46a9111fd8563f628093334adce0f1","lot_prices":{"L1":"299500.00"},"reason":null,"received_at":"2026-05-02T07:00:00Z","status":"valid","supplier_id":"sup-8d85a6ad14d24f5c","supplier_name":"义乌鼎鑫建筑劳务有限公司","total_price":"299500.00","version":1},{"bid_id":"bid-bf42afdebd17","envelope_hash":"c47d6f0149e5092096aaaa5dfb4e4237b5a7e9dc9f74e7dcab6a3b5b4fbb8cdf","lot_prices":{"L1":"301800.00"},"reason":null,"received_at":"2026-05-02T10:00:00Z","status":"valid","supplier_id":"sup-59eec51614594e58","supplier_name":"金华正泰劳务有限公司","total_price":"301800.00","version":1}],"failure_reason":null,"opened_at":"2026-05-06T01:10:00Z","opened_by":"s-zhou","outcome":"opened","stage":"bid","tender_id":"tdr-5c9cea1c045b","valid_bids":3}', '8b696d4bb83a00295aa474d211c7b251f62d37d0db3836cd3675f832223526fb');

SELECT pg_catalog.setval('outbox_event_position_seq', 161, true);

SELECT pg_catalog.setval('supplier_inspection_id_seq', 6, true);

SELECT pg_catalog.setval('supplier_link_id_seq', 77, true);

SELECT pg_catalog.setval('supplier_performance_event_id_seq', 13, true);

SELECT pg_catalog.setval('supplier_person_id_seq', 16, true);

SELECT pg_catalog.setval('supplier_qualification_id_seq', 39, true);

SELECT pg_catalog.setval('supplier_review_id_seq', 45, true);

SELECT pg_catalog.setval('supplier_standing_change_id_seq', 16, true);

ALTER TABLE ONLY audit_event
    ADD CONSTRAINT audit_event_hash_key UNIQUE (hash);

ALTER TABLE ONLY audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (seq);

ALTER TABLE ONLY audit_event
    ADD CONSTRAINT audit_event_prev_hash_key UNIQUE (prev_hash);

ALTER TABLE ONLY award
    ADD CONSTRAINT award_pkey PRIMARY KEY (id);

ALTER TABLE ONLY bid
    ADD CONSTRAINT bid_pkey PRIMARY KEY (id);

ALTER TABLE ONLY contract
    ADD CONSTRAINT contract_pkey PRIMARY KEY (id);

ALTER TABLE ONLY evaluation_committee
    ADD CONSTRAINT evaluation_committee_pkey PRIMARY KEY (tender_id);

ALTER TABLE ONLY evaluation_entry
    ADD CONSTRAINT evaluation_entry_pkey PRIMARY KEY (tender_id, lot_id, bid_id);

ALTER TABLE ONLY evaluation_finding
    ADD CONSTRAINT evaluation_finding_pkey PRIMARY KEY (id);

ALTER TABLE ONLY evaluation_lot
    ADD CONSTRAINT evaluation_lot_pkey PRIMARY KEY (tender_id, lot_id);

ALTER TABLE ONLY evaluation_member
    ADD CONSTRAINT evaluation_member_pkey PRIMARY KEY (tender_id, member_id);

ALTER TABLE ONLY evaluation_objection
    ADD CONSTRAINT evaluation_objection_pkey PRIMARY KEY (id);

ALTER TABLE ONLY evaluation
    ADD CONSTRAINT evaluation_pkey PRIMARY KEY (tender_id);

ALTER TABLE ONLY evaluation_removal
    ADD CONSTRAINT evaluation_removal_pkey PRIMARY KEY (id);

ALTER TABLE ONLY evaluation_score
    ADD CONSTRAINT evaluation_score_pkey PRIMARY KEY (tender_id, lot_id, bid_id, criterion_id, member_id);

ALTER TABLE ONLY evaluation_security
    ADD CONSTRAINT evaluation_security_pkey PRIMARY KEY (tender_id, supplier_id);

ALTER TABLE ONLY evaluation_sheet
    ADD CONSTRAINT evaluation_sheet_pkey PRIMARY KEY (tender_id, lot_id, member_id);

ALTER TABLE ONLY expert
    ADD CONSTRAINT expert_pkey PRIMARY KEY (id);

ALTER TABLE ONLY idempotency
    ADD CONSTRAINT idempotency_pkey PRIMARY KEY (key);

ALTER TABLE ONLY inquiry_override
    ADD CONSTRAINT inquiry_override_pkey PRIMARY KEY (id);

ALTER TABLE ONLY inquiry_signature
    ADD CONSTRAINT inquiry_signature_pkey PRIMARY KEY (tender_id, officer_id);

ALTER TABLE ONLY opened_bid
    ADD CONSTRAINT opened_bid_pkey PRIMARY KEY (tender_id, bid_id);

ALTER TABLE ONLY outbox_event
    ADD CONSTRAINT outbox_event_event_id_key UNIQUE (event_id);

ALTER TABLE ONLY outbox_event
    ADD CONSTRAINT outbox_event_pkey PRIMARY KEY ("position");

ALTER TABLE ONLY platform_setting
    ADD CONSTRAINT platform_setting_pkey PRIMARY KEY (name);

ALTER TABLE ONLY supplier_category
    ADD CONSTRAINT supplier_category_pkey PRIMARY KEY (supplier_id, category);

ALTER TABLE ONLY supplier_category_policy
    ADD CONSTRAINT supplier_category_policy_pkey PRIMARY KEY (category);

ALTER TABLE ONLY supplier
    ADD CONSTRAINT supplier_credit_code_key UNIQUE (credit_code);

ALTER TABLE ONLY supplier_inspection
    ADD CONSTRAINT supplier_inspection_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_link
    ADD CONSTRAINT supplier_link_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_performance_event
    ADD CONSTRAINT supplier_performance_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_performance_period
    ADD CONSTRAINT supplier_performance_period_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_person
    ADD CONSTRAINT supplier_person_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier
    ADD CONSTRAINT supplier_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_qualification
    ADD CONSTRAINT supplier_qualification_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_request
    ADD CONSTRAINT supplier_request_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_review
    ADD CONSTRAINT supplier_review_pkey PRIMARY KEY (id);

ALTER TABLE ONLY supplier_review
    ADD CONSTRAINT supplier_review_supplier_id_round_department_key UNIQUE (supplier_id, round, department);

ALTER TABLE ONLY supplier_scorecard
    ADD CONSTRAINT supplier_scorecard_pkey PRIMARY KEY (period_id, supplier_id);

ALTER TABLE ONLY supplier_standing_change
    ADD CONSTRAINT supplier_standing_change_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tender_amendment
    ADD CONSTRAINT tender_amendment_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tender_opening
    ADD CONSTRAINT tender_opening_pkey PRIMARY KEY (tender_id, stage);

ALTER TABLE ONLY tender
    ADD CONSTRAINT tender_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tender_amendment
    ADD CONSTRAINT uq_amendment_seq UNIQUE (tender_id, seq);

ALTER TABLE ONLY bid
    ADD CONSTRAINT uq_bid_supplier UNIQUE (tender_id, supplier_id);

CREATE INDEX ix_audit_subject ON audit_event USING btree (subject_type, subject_id);

CREATE INDEX ix_award_tender ON award USING btree (tender_id);

CREATE INDEX ix_contract_tender ON contract USING btree (tender_id);

CREATE INDEX ix_finding_tender ON evaluation_finding USING btree (tender_id);

CREATE INDEX ix_objection_tender ON evaluation_objection USING btree (tender_id);

CREATE INDEX ix_supplier_category_cat ON supplier_category USING btree (category, admitted);

CREATE INDEX ix_supplier_import ON supplier USING btree (import_batch);

CREATE INDEX ix_supplier_inspection ON supplier_inspection USING btree (supplier_id, round);

CREATE INDEX ix_supplier_link_supplier ON supplier_link USING btree (supplier_id);

CREATE INDEX ix_supplier_link_value ON supplier_link USING btree (kind, value);

CREATE INDEX ix_supplier_perf_supplier ON supplier_performance_event USING btree (supplier_id);

CREATE INDEX ix_supplier_perf_time ON supplier_performance_event USING btree (occurred_at);

CREATE INDEX ix_supplier_person ON supplier_person USING btree (supplier_id);

CREATE INDEX ix_supplier_qualification ON supplier_qualification USING btree (supplier_id, type);

CREATE INDEX ix_supplier_request ON supplier_request USING btree (supplier_id, kind, state);

CREATE INDEX ix_supplier_scorecard_grade ON supplier_scorecard USING btree (period_id, grade);

CREATE INDEX ix_supplier_standing_change ON supplier_standing_change USING btree (supplier_id);

CREATE INDEX ix_tender_state_deadline ON tender USING btree (state, deadline);
