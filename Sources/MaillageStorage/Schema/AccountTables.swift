/// The names of the account tables and their columns: the only place they are spelled.
enum AccountTables {
    /// One row per person who can sign in.
    enum Account {
        static let table = "accounts"
        static let id = "id"
        /// Lower-cased, unique.
        static let email = "email"
        static let name = "name"
        /// bcrypt; null until the person chooses a password (an invitation not yet accepted).
        static let passwordHash = "password_hash"
        static let status = "status"
        static let createdAt = "created_at"
        static let passwordChangedAt = "password_changed_at"
        /// The TOTP secret, when the person turned the second factor on.
        static let totpSecret = "totp_secret"
        /// The last TOTP time step accepted: an older or equal one is a replay.
        static let totpLastStep = "totp_last_step"
    }

    /// The roles each person holds, each for a scope.
    enum Grant {
        static let table = "role_grants"
        static let accountID = "account_id"
        static let role = "role"
        static let scopeKind = "scope_kind"
        static let scopeValue = "scope_value"
        static let grantedAt = "granted_at"
    }

    /// Signed-in sessions, shared by every instance; only a hash of the cookie's token is kept.
    enum Session {
        static let table = "sessions"
        static let tokenHash = "token_hash"
        static let accountID = "account_id"
        /// The token every form of the session must carry.
        static let csrfToken = "csrf_token"
        static let createdAt = "created_at"
        static let lastSeenAt = "last_seen_at"
        /// The absolute end of the session, whatever its activity.
        static let expiresAt = "expires_at"
    }

    /// Single-use links: invitations to a role, password resets. Only a hash of the token is kept.
    enum Link {
        static let table = "one_time_links"
        static let tokenHash = "token_hash"
        static let purpose = "purpose"
        static let email = "email"
        static let accountID = "account_id"
        static let role = "role"
        static let scopeKind = "scope_kind"
        static let scopeValue = "scope_value"
        static let createdBy = "created_by"
        static let createdAt = "created_at"
        static let expiresAt = "expires_at"
        static let usedAt = "used_at"
    }

    /// The recovery codes of a second factor (for a lost phone): only a hash of each, used at most once.
    enum RecoveryCode {
        static let table = "recovery_codes"
        static let accountID = "account_id"
        /// SHA-256 of the account id and the code: equal codes of two people never share a hash.
        static let codeHash = "code_hash"
        static let createdAt = "created_at"
        static let usedAt = "used_at"
    }

    /// Failed sign-ins, by throttle key, kept one day (until migration 0022 replaced them with ``AttemptCounter``).
    enum Failure {
        static let table = "sign_in_failures"
        static let id = "id"
        static let key = "throttle_key"
        static let failedAt = "failed_at"
    }

    /// Attempts per throttle key (``AttemptThrottle``): how many since the key's window started, and the last one's
    /// time; times in seconds since 1970 so that both databases compute the waits.
    enum AttemptCounter {
        static let table = "attempt_counters"
        static let key = "counter_key"
        static let attempts = "attempts"
        static let startedAt = "started_at"
        static let lastAt = "last_at"
    }

    /// The trail of every change: who, when, what, before and after.
    enum Audit {
        static let table = "audit_events"
        static let id = "id"
        static let at = "at"
        /// The person who acted; null for the command line, the system, or a person since deleted.
        static let actorID = "actor_account_id"
        static let actorLabel = "actor_label"
        /// The territory the change belongs to, when it belongs to one (what a coordinator's journal shows).
        static let territory = "territory"
        static let action = "action"
        static let objectKind = "object_kind"
        static let objectID = "object_id"
        static let before = "before_value"
        static let after = "after_value"
    }
}
