import Foundation
import SIKIMCore
import SIKIMData

/// The settings the admin keeps up to date: the holidays of the SLA clock, the categories of
/// information, the activity thresholds and the webhook.
struct LayananPengaturan {
    let l: Lingkungan
    private var data: RepositoriPengaturan { RepositoriPengaturan(db: l.db) }

    /// The holiday calendar, kept until the holiday table changes (`CacheServer.kalender`).
    func kalender() async throws -> KalenderKerja {
        let data = data
        return try await l.cache.kalender.ambil(0, sekarang: l.sekarang, versi: l.sinyal.versi([HariLiburModel.schema])) {
            try await data.kalender()
        }
    }

    func libur(tahun: Int) async throws -> [HariLiburModel] { try await data.libur(tahun: tahun) }

    func tambahLibur(tanggal: String?, nama: String?, jenis: String?) async throws -> HariLibur {
        let h = try HariLibur.periksa(tanggal: tanggal, nama: nama, jenis: jenis)
        guard try await data.libur(h.tanggal) == nil else {
            throw KesalahanIsian("tanggal", "Tanggal \(h.tanggal.iso) sudah ada dalam daftar.")
        }
        try await data.simpan(HariLiburModel(tanggal: h.tanggal.iso, jenis: h.jenis.rawValue, nama: h.nama))
        return h
    }

    func hapusLibur(_ tanggal: String?) async throws -> Tanggal {
        guard let t = tanggal.flatMap(Tanggal.init(iso:)), let m = try await data.libur(t) else { throw TidakDitemukan("Hari libur") }
        try await data.hapus(m)
        return t
    }

    func kategori() async throws -> [KategoriModel] { try await data.kategori() }

    func kategori(_ kode: String) async throws -> KategoriModel? { try await data.kategori(kode) }

    /// Renames a category, sets its default agency (an active one) and whether it is sensitive.
    func ubahKategori(_ kode: String?, nama: String?, kodeOPD: String?, sensitif: Bool) async throws -> KategoriModel {
        guard let kode, let k = try await data.kategori(kode) else { throw TidakDitemukan("Kategori") }
        k.nama = try AturanPengurus.teks(nama ?? "", bidang: "kategori", label: "Nama kategori", maks: 100)
        if let o = kodeOPD, !o.isEmpty {
            guard let opd = try await RepositoriOPD(db: l.db).cari(o), opd.aktif else {
                throw KesalahanIsian("kategori", "OPD \(o.prefix(40)) tidak dikenal atau tidak aktif.")
            }
            k.kodeOPD = o
        }
        k.sensitif = sensitif
        try await data.simpan(k)
        return k
    }

    func simpanAmbang(aktif: String?, kurangAktif: String?, awal: String?) async throws {
        try await LayananAktivitas(l: l).simpanAmbang(try AmbangAktivitas.dari(aktif: aktif, kurangAktif: kurangAktif, awal: awal))
    }

    private var webhook: RepositoriWebhook { RepositoriWebhook(db: l.db, jam: l.jam) }

    /// The webhook's address (never its secret), and how many deliveries failed.
    func webhook() async throws -> (url: String?, gagal: Int) {
        (try await webhook.pengaturan()?.url, try await webhook.jumlahGagal())
    }

    /// An empty URL turns the webhook off; a post without the field changes nothing; an empty
    /// secret keeps the one stored.
    func simpanWebhook(url: String?, rahasia: String?) async throws {
        guard let url else { throw KesalahanIsian("webhook", "URL webhook wajib dikirim; kosongkan isinya untuk mematikan webhook.") }
        try await webhook.simpan(url: try JadwalWebhook.periksaURL(url) ?? "",
                                 rahasia: rahasia.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) })
    }
}
