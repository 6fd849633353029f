-- Sessionkit schema for H2 (2.x). Run once (RUNSCRIPT, Flyway, Liquibase, or `sessionkit schema create`).
-- One row per login; ended sessions stay as history until history-retention passes.
CREATE TABLE sessionkit_session (
    id                    VARCHAR(22)              NOT NULL PRIMARY KEY,
    token_hash            VARCHAR(64)              NOT NULL,
    user_id               VARCHAR(255)             NOT NULL,
    username              VARCHAR(255)             NOT NULL,
    roles                 VARCHAR(2000)            NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_accessed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    absolute_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status                VARCHAR(16)              NOT NULL,
    ended_at              TIMESTAMP WITH TIME ZONE,
    end_reason            VARCHAR(32),
    ip_address            VARCHAR(64)              NOT NULL,
    user_agent            VARCHAR(512)             NOT NULL,
    device_type           VARCHAR(16)              NOT NULL,
    browser               VARCHAR(64)              NOT NULL,
    os                    VARCHAR(64)              NOT NULL,
    location_city         VARCHAR(128),
    location_country_code VARCHAR(2),
    location_country_name VARCHAR(128),
    browser_id_hash       VARCHAR(64),
    -- When and how the user last proved a credential (password, remember-me, container, an app's own method).
    authenticated_at      TIMESTAMP WITH TIME ZONE,
    auth_method           VARCHAR(32),
    auth_level            INTEGER,
    CONSTRAINT sessionkit_session_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT sessionkit_session_status_ck CHECK (
        (status = 'active' AND ended_at IS NULL AND end_reason IS NULL)
        OR (status = 'ended' AND ended_at IS NOT NULL AND end_reason IS NOT NULL))
);
-- A user's sessions (devices page, limit enforcement, "sign out others").
CREATE INDEX sessionkit_session_user_ix ON sessionkit_session (user_id, status);
-- Cleanup finds expired active sessions without scanning history.
CREATE INDEX sessionkit_session_idle_ix ON sessionkit_session (status, idle_expires_at);
CREATE INDEX sessionkit_session_absolute_ix ON sessionkit_session (status, absolute_expires_at);
-- History paging and purge by end time; statistics by login time.
CREATE INDEX sessionkit_session_ended_ix ON sessionkit_session (status, ended_at);
CREATE INDEX sessionkit_session_created_ix ON sessionkit_session (created_at);
-- "Was this browser seen for this user before?"
CREATE INDEX sessionkit_session_browser_ix ON sessionkit_session (user_id, browser_id_hash);

-- One row per user that logged in under a session limit; locked to serialise that user's logins across nodes.
CREATE TABLE sessionkit_user_lock (
    user_id VARCHAR(255) NOT NULL PRIMARY KEY
);

-- Named leases so that one node at a time runs cleanup.
CREATE TABLE sessionkit_lease (
    name       VARCHAR(64)              NOT NULL PRIMARY KEY,
    holder     VARCHAR(255),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The security event log: sign-ins, failures, risk signals, alerts and session ends, kept event-retention.
-- Holds public ids and what a user may read; never a token, token hash, password or cookie value.
CREATE TABLE sessionkit_security_event (
    id                    VARCHAR(22)              NOT NULL PRIMARY KEY,
    occurred_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type            VARCHAR(48)              NOT NULL,
    outcome               VARCHAR(16)              NOT NULL,
    user_id               VARCHAR(255),
    session_id            VARCHAR(22),
    ip_address            VARCHAR(64)              NOT NULL,
    device                VARCHAR(128)             NOT NULL,
    location_city         VARCHAR(128),
    location_country_code VARCHAR(2),
    location_country_name VARCHAR(128),
    latitude              DOUBLE PRECISION,
    longitude             DOUBLE PRECISION,
    signals               VARCHAR(255)             NOT NULL,
    action                VARCHAR(32)              NOT NULL,
    detail                VARCHAR(64)              NOT NULL
);
-- A user's activity page and the sign-in history risk signals compare with.
CREATE INDEX sessionkit_security_event_user_ix ON sessionkit_security_event (user_id, occurred_at);
-- Administrators' listing by type, and alert counts per hour.
CREATE INDEX sessionkit_security_event_type_ix ON sessionkit_security_event (event_type, occurred_at);
-- Purge by age.
CREATE INDEX sessionkit_security_event_time_ix ON sessionkit_security_event (occurred_at);

-- Failed sign-in attempts in the last login-failure-window, shared by every node. The account is a hash of the
-- username, never the typed text.
CREATE TABLE sessionkit_login_failure (
    id          VARCHAR(22)              NOT NULL PRIMARY KEY,
    account_key VARCHAR(64)              NOT NULL,
    ip_address  VARCHAR(64)              NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessionkit_login_failure_account_ix ON sessionkit_login_failure (account_key, failed_at);
CREATE INDEX sessionkit_login_failure_address_ix ON sessionkit_login_failure (ip_address, failed_at);
CREATE INDEX sessionkit_login_failure_time_ix ON sessionkit_login_failure (failed_at);

-- Remembered devices ("keep me signed in"): one row per device, holding only validator hashes.
CREATE TABLE sessionkit_remember_series (
    selector                VARCHAR(22)              NOT NULL PRIMARY KEY,
    user_id                 VARCHAR(255)             NOT NULL,
    username                VARCHAR(255)             NOT NULL,
    roles                   VARCHAR(2000)            NOT NULL,
    validator_hash          VARCHAR(64)              NOT NULL,
    previous_validator_hash VARCHAR(64),
    rotated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    device                  VARCHAR(128)             NOT NULL
);
CREATE INDEX sessionkit_remember_series_user_ix ON sessionkit_remember_series (user_id);
CREATE INDEX sessionkit_remember_series_expires_ix ON sessionkit_remember_series (expires_at);

-- Which remembered device started which session, so that forgetting a device ends its sessions.
CREATE TABLE sessionkit_remember_session (
    session_id VARCHAR(22) NOT NULL PRIMARY KEY,
    selector   VARCHAR(22) NOT NULL
);
CREATE INDEX sessionkit_remember_session_selector_ix ON sessionkit_remember_session (selector);
