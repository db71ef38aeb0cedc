import FluentKit
import SIKIMCore
import Foundation

/// The server's seconds-long memory of what every API call and submission reads
/// (`CacheSebentar`): each cache is emptied by the change signal of the tables it reads
/// (`SinyalPerubahan`); another process's change (a second server on the same PostgreSQL, a
/// `sikim` command) applies within five seconds.
package struct CacheServer: Sendable {
    /// Account rows by token hash, for API calls.
    package let token: CacheSebentar<Baris>
    /// Who receives each kind of notice, and whether a webhook is set.
    package let alamat: CacheSebentar<RepositoriNotifikasi.Alamat>
    /// Categories by code: whether one may be chosen, and its questions.
    package let kategori: CacheSebentar<KategoriLaporan>
    /// Regions known to exist, by code (kept only when found).
    package let wilayah: CacheSebentar<Bool>
    /// The holiday calendar every laporan list needs for its SLA deadlines; it changes a few
    /// times a year, so it is kept until the holiday table changes (or a minute, for another
    /// process's change).
    package let kalender = CacheHitungan<Int, KalenderKerja>(umur: 60, maksimum: 1)

    package init(jam: Jam) {
        let umur: TimeInterval = 5
        token = CacheSebentar(umur: umur, maksimum: 10_000, jam: jam)
        alamat = CacheSebentar(umur: umur, maksimum: 1_000, jam: jam)
        kategori = CacheSebentar(umur: umur, maksimum: 1_000, jam: jam)
        wilayah = CacheSebentar(umur: umur, maksimum: 10_000, jam: jam)
    }

    /// Empties each cache after every change, in this process, of a table it reads.
    package func dengar(_ sinyal: SinyalPerubahan) {
        sinyal.dengar([PenggunaModel.schema, TokenAPIModel.schema], token.kosongkan)
        sinyal.dengar([PenggunaModel.schema, PengaturanModel.schema], alamat.kosongkan)
        sinyal.dengar([KategoriModel.schema], kategori.kosongkan)
        sinyal.dengar([WilayahModel.schema], wilayah.kosongkan)
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

