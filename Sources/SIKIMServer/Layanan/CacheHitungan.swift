import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Figures that are costly to compute and read far more often than the data changes (the
/// dashboard). An entry is reused while it is younger than `umur` and no change was made
/// through this process since (`versi`, see `PencatatPerubahan`); a change made by another
/// server process shows within `umur`. Concurrent requests for a missing entry share one
/// computation.
final class CacheHitungan<Kunci: Hashable & Sendable, Nilai: Sendable>: Sendable {
    private struct Entri {
        let dibuat: Date
        let versi: Int
        let tugas: Task<Nilai, any Error>
    }

    let umur: TimeInterval
    let maksimum: Int
    private let entri = NIOLockedValueBox<[Kunci: Entri]>([:])

    init(umur: TimeInterval, maksimum: Int) {
        self.umur = umur
        self.maksimum = maksimum
    }

    func ambil(_ kunci: Kunci, sekarang: Date, versi: Int, hitung: @escaping @Sendable () async throws -> Nilai) async throws -> Nilai {
        let tugas = entri.withLockedValue { e -> Task<Nilai, any Error> in
            if let ada = e[kunci], ada.versi == versi, sekarang.timeIntervalSince(ada.dibuat) < umur, ada.dibuat <= sekarang {
                return ada.tugas
            }
            if e.count >= maksimum { e.removeAll() } // many distinct periods: start over rather than grow
            let t = Task { try await hitung() }
            e[kunci] = Entri(dibuat: sekarang, versi: versi, tugas: t)
            return t
        }
        do {
            return try await tugas.value
        } catch {
            entri.withLockedValue { e in if e[kunci]?.tugas == tugas { e[kunci] = nil } } // a failure is not kept
            throw error
        }
    }
}

/// Counts the changes made through this process: every request with a method that may write
/// and a successful answer. Cached figures computed before a change are not reused.
struct PencatatPerubahan: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), res.status.code < 400 {
            req.application.versiData.withLockedValue { $0 += 1 }
        }
        return res
    }
}

extension Application {
    private struct VersiKey: StorageKey { typealias Value = NIOLockedValueBox<Int> }

    /// Set once in `configure`, before serving.
    var versiData: NIOLockedValueBox<Int> {
        get { storage[VersiKey.self]! }
        set { storage[VersiKey.self] = newValue }
    }
}

extension Request {
    /// How many changes this process has made so far (`PencatatPerubahan`).
    var versiData: Int { application.versiData.withLockedValue { $0 } }
}
