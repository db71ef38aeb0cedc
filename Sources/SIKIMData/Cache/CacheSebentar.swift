import FluentKit
import Foundation
import SIKIMCore
import NIOConcurrencyHelpers

/// Values kept by key for `umur` seconds at most, read afresh after that. `kosongkan()` forgets
/// them all, and a value whose read began before it is not kept: a change made in this process
/// applies to the next reader; a change made elsewhere applies within `umur`. Only values that
/// were found are kept.
package final class CacheSebentar<Nilai: Sendable>: Sendable {
    private struct Isi {
        package var generasi = 0
        package var entri: [String: (nilai: Nilai, sampai: Date)] = [:]
    }

    package let umur: TimeInterval
    package let maksimum: Int
    private let jam: Jam
    private let isi = NIOLockedValueBox(Isi())

    package init(umur: TimeInterval, maksimum: Int, jam: Jam) {
        (self.umur, self.maksimum, self.jam) = (umur, maksimum, jam)
    }

    /// The value kept for `kunci`, or the one `baca` returns, then kept.
    package func ambil(_ kunci: String, baca: () async throws -> Nilai?) async throws -> Nilai? {
        let mulai = jam.sekarang()
        let (ada, generasi) = isi.withLockedValue { i in
            (i.entri[kunci].flatMap { $0.sampai > mulai ? $0.nilai : nil }, i.generasi)
        }
        if let ada { return ada }
        guard let baru = try await baca() else { return nil }
        isi.withLockedValue { i in
            guard i.generasi == generasi else { return } // emptied while reading: `baru` may predate the change
            if i.entri.count >= maksimum {
                i.entri = i.entri.filter { $0.value.sampai > mulai }
                if i.entri.count >= maksimum { i.entri.removeAll() }
            }
            i.entri[kunci] = (baru, mulai + umur)
        }
        return baru
    }

    /// The same, for a read that always finds a value.
    package func ambil(_ kunci: String, baca: () async throws -> Nilai) async throws -> Nilai {
        try await ambil(kunci, baca: { try await baca() as Nilai? })!
    }

    package func kosongkan() {
        isi.withLockedValue { i in
            i.generasi += 1
            i.entri.removeAll()
        }
    }
}
