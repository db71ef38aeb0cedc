import Vapor

/// SQLite lets one connection write at a time, and SQLiteNIO's busy handler retries at once:
/// a second connection waiting for the write lock spins a core, on a 2-core server half the
/// machine. The hot write transactions (submitting and acting on laporan) take turns here
/// first, in arrival order, so a waiting one holds neither a connection nor a CPU. PostgreSQL
/// locks rows, so there the gate stays open.
actor GerbangTulis {
    private let aktif: Bool
    private var sibuk = false
    private var antrean: [CheckedContinuation<Void, Never>] = []

    init(aktif: Bool) { self.aktif = aktif }

    static let terbuka = GerbangTulis(aktif: false)

    func lewati<T: Sendable>(_ kerja: @Sendable () async throws -> T) async throws -> T {
        guard aktif else { return try await kerja() }
        if sibuk { await withCheckedContinuation { antrean.append($0) } } else { sibuk = true }
        defer {
            if antrean.isEmpty { sibuk = false } else { antrean.removeFirst().resume() } // sibuk passes to the next
        }
        return try await kerja()
    }
}

extension Application {
    private struct GerbangKey: StorageKey { typealias Value = GerbangTulis }

    /// Set once in `configure`, before serving.
    var gerbangTulis: GerbangTulis {
        get { storage[GerbangKey.self]! }
        set { storage[GerbangKey.self] = newValue }
    }
}
