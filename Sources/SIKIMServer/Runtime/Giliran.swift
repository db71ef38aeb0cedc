import SIKIMCore
import SIKIMData
import Vapor

/// One at a time, in arrival order: for the computations that read a nation's rows (the
/// dashboard's figures, the periodic checks), each tens of MB and seconds of CPU. Run
/// together, their memory peaks added up (national RSS 304 MB) and they slowed each other.
actor Giliran {
    private var sibuk = false
    private var antrean: [CheckedContinuation<Void, Never>] = []

    func jalankan<T: Sendable>(_ kerja: @Sendable () async throws -> T) async throws -> T {
        if sibuk { await withCheckedContinuation { antrean.append($0) } } else { sibuk = true }
        defer { if antrean.isEmpty { sibuk = false } else { antrean.removeFirst().resume() } }
        return try await kerja()
    }
}

extension Application {
    /// A computation over a whole area's rows (the dashboard's figures, the monthly recap, the
    /// periodic checks): one at a time, on its own thread, and its memory back to the system
    /// after (`Memori`).
    func hitungBerat<T: Sendable>(_ kerja: @Sendable () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(pelaksanaBerat) {
            defer { Memori.kembalikan() }
            return try await giliranHitung.jalankan(kerja)
        }
    }
}
