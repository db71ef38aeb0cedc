import Foundation
import NIOConcurrencyHelpers

/// Figures that are costly to compute and read far more often than the data changes (the
/// dashboard). A change made through this process (`versi`, from `SinyalPerubahan`) makes the
/// next reader wait for a fresh computation, but at most `tungguBaru`: a computation slower
/// than that leaves it the previous version's value, and readers arriving while it waits get
/// that value at once, until the computation is done. An entry older than `umur` is still
/// answered at once while one fresh computation runs behind it, so a change made by another
/// server process shows within about `umur` and no reader waits for it. Concurrent readers of
/// a missing entry share one computation.
package final class CacheHitungan<Kunci: Hashable & Sendable, Nilai: Sendable>: Sendable {
    private struct Entri {
        /// When the computation behind `nilai` (or the one under way, without it) started.
        package var dibuat: Date
        package var versi: Int
        /// The computation under way, if any, and the task that stores its result.
        package var tugas: Task<Nilai, any Error>?
        package var pemasang: Task<Void, Never>?
        /// The last finished value.
        package var nilai: Nilai?
        /// An earlier version's value, answered while a slow first computation of this one runs.
        package var cadangan: Nilai?
        /// A reader is waiting (up to `tungguBaru`) for this version: the others take `cadangan`
        /// at once, so a change costs one reader a wait, not every reader arriving meanwhile.
        package var ditunggu = false
        /// Identifies `tugas`, which sets `dimulai` once it starts computing (after the one it
        /// follows, if any).
        package var nomor = UUID()
        package var dimulai = false
    }

    private enum Langkah {
        case siap(Nilai)
        case tunggu(Task<Nilai, any Error>, cadangan: Nilai?)
    }

    package let umur: TimeInterval
    package let maksimum: Int
    package let tungguBaru: TimeInterval
    private let entri = NIOLockedValueBox<[Kunci: Entri]>([:])

    package init(umur: TimeInterval, maksimum: Int, tungguBaru: TimeInterval = 2) {
        self.umur = umur
        self.maksimum = maksimum
        self.tungguBaru = tungguBaru
    }

    package func ambil(_ kunci: Kunci, sekarang: Date, versi: Int, hitung: @escaping @Sendable () async throws -> Nilai) async throws -> Nilai {
        let langkah = entri.withLockedValue { e -> Langkah in
            if var ada = e[kunci], ada.versi == versi, ada.dibuat <= sekarang {
                if let n = ada.nilai {
                    if sekarang.timeIntervalSince(ada.dibuat) >= umur, ada.tugas == nil {
                        (ada.nomor, ada.dimulai) = (UUID(), false)
                        (ada.tugas, ada.pemasang) = mulai(kunci, nomor: ada.nomor, sekarang: sekarang, hitung: hitung)
                        e[kunci] = ada
                    }
                    return .siap(n)
                }
                if let c = ada.cadangan, ada.ditunggu { return .siap(c) }
                if let t = ada.tugas {
                    ada.ditunggu = ada.cadangan != nil
                    e[kunci] = ada
                    return .tunggu(t, cadangan: ada.cadangan)
                }
            }
            let cadangan = e[kunci].flatMap { $0.nilai ?? $0.cadangan }
            // At most one computation per key runs and one waits: writes arriving faster than a
            // computation must not start one each (a national one holds 1 GB for seconds). A
            // waiting one reads the data when it starts, so it serves the newer version too.
            var berjalan: Task<Nilai, any Error>?
            if var ada = e[kunci], let t = ada.tugas, ada.dibuat <= sekarang {
                guard ada.dimulai else {
                    (ada.versi, ada.nilai, ada.cadangan, ada.ditunggu) = (versi, nil, cadangan, cadangan != nil)
                    e[kunci] = ada
                    return .tunggu(t, cadangan: cadangan)
                }
                berjalan = t
            } else if e.count >= maksimum {
                e.removeAll() // many distinct periods: start over rather than grow
            }
            var baru = Entri(dibuat: sekarang, versi: versi, nilai: nil, cadangan: cadangan, ditunggu: cadangan != nil)
            (baru.tugas, baru.pemasang) = mulai(kunci, nomor: baru.nomor, sekarang: sekarang, setelah: berjalan, hitung: hitung)
            e[kunci] = baru
            let t = baru.tugas!
            return .tunggu(t, cadangan: cadangan)
        }
        switch langkah {
        case .siap(let n): return n
        case .tunggu(let t, let cadangan?):
            guard let n = await Self.paling(tungguBaru, t) else { return cadangan }
            // Kept now, not when the storing task runs: the readers after this one take what is
            // kept without waiting.
            entri.withLockedValue { e in
                if e[kunci]?.tugas == t, e[kunci]?.nilai == nil { (e[kunci]!.nilai, e[kunci]!.tugas, e[kunci]!.pemasang) = (n, nil, nil) }
            }
            return n
        case .tunggu(let t, nil):
            do {
                return try await t.value
            } catch {
                // Gone before the next reader comes, not only once the storing task runs.
                entri.withLockedValue { e in if e[kunci]?.tugas == t, e[kunci]?.nilai == nil { e[kunci] = nil } }
                throw error
            }
        }
    }

    /// The computation's value if it is done within `detik`; nil when it is slower or fails.
    /// Two racing tasks rather than a task group: a group would wait for the slow one.
    private static func paling(_ detik: TimeInterval, _ t: Task<Nilai, any Error>) async -> Nilai? {
        let lanjut = NIOLockedValueBox<CheckedContinuation<Nilai?, Never>?>(nil)
        @Sendable func selesai(_ n: Nilai?) {
            lanjut.withLockedValue { c -> CheckedContinuation<Nilai?, Never>? in defer { c = nil }; return c }?.resume(returning: n)
        }
        return await withCheckedContinuation { c in
            lanjut.withLockedValue { $0 = c }
            Task { selesai(try? await t.value) }
            Task { try? await Task.sleep(nanoseconds: UInt64(detik * 1e9)); selesai(nil) }
        }
    }

    /// Waits until every computation under way has been stored (for tests).
    package func tungguSelesai() async {
        for p in entri.withLockedValue({ $0.values.compactMap(\.pemasang) }) { await p.value }
    }

    /// Starts a computation and the task that stores its result, unless the entry was replaced
    /// meanwhile. A failure is not kept: without an earlier value the entry goes, so the next
    /// reader tries again.
    private func mulai(_ kunci: Kunci, nomor: UUID, sekarang: Date, setelah sebelumnya: Task<Nilai, any Error>? = nil,
                       hitung: @escaping @Sendable () async throws -> Nilai) -> (Task<Nilai, any Error>, Task<Void, Never>) {
        let t = Task { [entri] in
            _ = await sebelumnya?.result
            entri.withLockedValue { e in if e[kunci]?.nomor == nomor { e[kunci]?.dimulai = true } }
            return try await hitung()
        }
        let p = Task { [entri] in
            let hasil = await t.result
            entri.withLockedValue { e in
                guard var ada = e[kunci], ada.tugas == t else { return }
                (ada.tugas, ada.pemasang) = (nil, nil)
                switch hasil {
                case .success(let n): (ada.nilai, ada.dibuat) = (n, sekarang); e[kunci] = ada
                case .failure: e[kunci] = ada.nilai == nil ? nil : ada
                }
            }
        }
        return (t, p)
    }
}

