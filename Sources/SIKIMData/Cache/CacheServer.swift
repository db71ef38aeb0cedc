import FluentKit
import SIKIMCore
import Foundation

/// The server's seconds-long memory of what every API call and submission reads
/// (`CacheSebentar`): each cache is emptied by writes to the models it reads (`PengosongCache`);
/// another process's change (a second server on the same PostgreSQL, a `sikim` command) applies
/// within five seconds.
package struct CacheServer: Sendable {
    /// Account rows by token hash, for API calls.
    package let token: CacheSebentar<Baris>
    /// Who receives each kind of notice, and whether a webhook is set.
    package let alamat: CacheSebentar<RepositoriNotifikasi.Alamat>
    /// Categories by code: whether one may be chosen, and its questions.
    package let kategori: CacheSebentar<KategoriLaporan>
    /// Regions known to exist, by code (kept only when found).
    package let wilayah: CacheSebentar<Bool>

    package init(jam: Jam) {
        let umur: TimeInterval = 5
        token = CacheSebentar(umur: umur, maksimum: 10_000, jam: jam)
        alamat = CacheSebentar(umur: umur, maksimum: 1_000, jam: jam)
        kategori = CacheSebentar(umur: umur, maksimum: 1_000, jam: jam)
        wilayah = CacheSebentar(umur: umur, maksimum: 10_000, jam: jam)
    }

    /// Each cache's emptying, with the models whose writes trigger it.
    package var pengosong: [PengosongCache] {
        [PengosongCache(sumber: [PenggunaModel.self, TokenAPIModel.self], kosongkan: token.kosongkan),
         PengosongCache(sumber: [PenggunaModel.self, PengaturanModel.self], kosongkan: alamat.kosongkan),
         PengosongCache(sumber: [KategoriModel.self], kosongkan: kategori.kosongkan),
         PengosongCache(sumber: [WilayahModel.self], kosongkan: wilayah.kosongkan)]
    }

    /// Empties each cache after writes, through Fluent, to the models it reads.
    package func pasang(_ databases: Databases) {
        for p in pengosong { databases.middleware.use(p) }
    }
}

/// What a submission needs of its category, apart from the Fluent model.
package struct KategoriLaporan: Sendable {
    package let kode: String
    package let aktif: Bool
    package let pertanyaan: [Pertanyaan]

    package init(_ m: KategoriModel) {
        (kode, aktif, pertanyaan) = (m.id ?? "", m.aktif, m.pertanyaan)
    }
}

