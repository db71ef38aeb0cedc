import SIKIMCore
import SIKIMData
import Vapor

/// KIM activity on its pages: recording kegiatan, their photos, coaching notes, and the list
/// of quiet KIMs that need coaching ("KIM perlu pembinaan").
struct AktivitasWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("kim", ":kim", "kegiatan", use: catatKegiatan).batasBadan(berkas: "30mb")
        routes.get("kim", ":kim", "kegiatan", ":kegiatan", "foto", ":foto", use: fotoKegiatan)
        routes.post("kim", ":kim", "pembinaan", use: catatPembinaan)
        routes.get("kim", "pembinaan", use: perluPembinaan)
    }

    static func urlFoto(kim: UUID, kegiatan: UUID, foto: UUID) -> String { "/kim/\(kim)/kegiatan/\(kegiatan)/foto/\(foto)" }

    /// A refused kegiatan comes back with what was typed and its photos kept (`BerkasTertunda`).
    @Sendable func catatKegiatan(req: Request) async throws -> Response {
        let kim = try await req.kim()
        let isian = try req.content.decode(IsianKegiatan.self)
        let tertunda = BerkasTertunda(req)
        var kunci = tertunda.kunciDari(req)
        do {
            kunci = try tertunda.simpan(try req.berkas("foto"), kunci: kunci)
            _ = try await IsianKegiatan.catat(req, kim, isian, foto: tertunda.ambil(kunci))
            tertunda.hapus(kunci)
            return req.alihkan("/kim/\(kim.id!)#aktivitas", kilat: "Kegiatan dicatat.")
        } catch let e as KesalahanIsian {
            let dikirim = KimWeb.KegiatanDikirim(isian: isian, tertunda: tertunda.setelahDitolak(e, bidang: "foto", kunci: kunci))
            return try await KimWeb.renderDetail(req, kim, kegiatan: dikirim, kesalahan: ["kegiatan": e.pesan], status: .unprocessableEntity)
        }
    }

    @Sendable func fotoKegiatan(req: Request) async throws -> Response {
        let kim = try await req.kim()
        guard let kid = req.parameters.get("kegiatan", as: UUID.self), let fid = req.parameters.get("foto", as: UUID.self) else {
            throw TidakDitemukan("Foto")
        }
        let layanan = LayananAktivitas(l: req.lingkungan)
        let f = try await layanan.foto(fid, kegiatan: kid, kim: kim)
        return try await req.berkasTersimpan(layanan.penyimpanFoto.jalur(f.berkas), tipe: f.tipeMime, publik: false)
    }

    struct IsianPembinaan: Content { var jenis: String?; var catatan: String? }

    @Sendable func catatPembinaan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let kim = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let i = try req.content.decode(IsianPembinaan.self)
        do {
            try await LayananAktivitas(l: req.lingkungan).catatPembinaan(kim, jenis: i.jenis ?? "", catatan: i.catatan ?? "", oleh: p.pelaku)
            return req.alihkan("/kim/\(kim.id!)#pembinaan", kilat: "Catatan pembinaan disimpan.")
        } catch let e as KesalahanIsian {
            return try await KimWeb.renderDetail(req, kim, kesalahan: ["pembinaan": e.pesan], status: .unprocessableEntity)
        }
    }

    struct BarisPembinaan: Encodable {
        let id: String, nama: String, wilayah: String, status: String, statusLabel: String
        let terakhir: String, ketua: String, nomorHp: String, catatanTerakhir: String?
    }
    struct Kelompok: Encodable { let kecamatan: String; let daftar: [BarisPembinaan] }
    struct KonteksPembinaan: Encodable { let tata: Tata; let kelompok: [Kelompok]; let jumlah: Int; let ambang: String }

    /// Quiet KIMs in the actor's scope, per kecamatan, with the ketua's contact.
    @Sendable func perluPembinaan(req: Request) async throws -> Response {
        try req.wajib(.lihatDaftarKim)
        let l = req.lingkungan
        let layanan = LayananAktivitas(l: l)
        let perlu = try await layanan.perluPembinaan(Kebijakan.cakupanKim(req.aktor))
        let wilayah = LayananWilayah(l: l)
        let nama = try await wilayah.nama(perlu.map(\.kim.kodeWilayah))
        let kecamatan = try await wilayah.nama(perlu.map { $0.kim.tingkatKim == .kecamatan ? $0.kim.kodeWilayah : $0.kim.wilayah.induk!.nilai })
        let baris = perlu.map { x -> (String, BarisPembinaan) in
            let m = x.kim
            let kec = m.tingkatKim == .kecamatan ? m.kodeWilayah : m.wilayah.induk!.nilai
            return ((kecamatan[kec] ?? kec).replacingOccurrences(of: "Kecamatan ", with: ""), BarisPembinaan(
                id: m.id!.uuidString, nama: m.nama, wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah, status: x.keadaan.status.rawValue,
                statusLabel: x.keadaan.status.label, terakhir: x.keadaan.terakhir.map(TanggalIndonesia.panjang) ?? "belum ada kegiatan",
                ketua: x.ketua?.nama ?? "—", nomorHp: x.ketua.map { NomorTelepon.tampil($0.nomorHP) } ?? "—",
                catatanTerakhir: x.catatanTerakhir.map { "\(TanggalIndonesia.panjang($0.waktu)): \($0.catatan)" }))
        }
        let kelompok = Dictionary(grouping: baris, by: \.0).sorted { $0.key < $1.key }.map { Kelompok(kecamatan: $0.key, daftar: $0.value.map(\.1)) }
        let a = try await layanan.ambang()
        return try await req.halaman("kim-pembinaan", KonteksPembinaan(
            tata: req.tata("KIM perlu pembinaan"), kelompok: kelompok, jumlah: perlu.count,
            ambang: "aktif ≤ \(a.aktif) hari, kurang aktif ≤ \(a.kurangAktif) hari, tidak aktif sesudahnya atau tanpa kegiatan \(a.awal) hari setelah disahkan"))
    }
}

/// A kegiatan as a form or JSON sends it.
struct IsianKegiatan: Content {
    var kimId: String?
    var jenis: String?
    var tanggal: String?
    var tempat: String?
    var uraian: String?
    var peserta: String?

    enum CodingKeys: String, CodingKey { case jenis, tanggal, tempat, uraian, peserta, kimId = "kim_id" }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kimId = try c.decodeIfPresent(String.self, forKey: .kimId)
        jenis = try c.decodeIfPresent(String.self, forKey: .jenis)
        tanggal = try c.decodeIfPresent(String.self, forKey: .tanggal)
        tempat = try c.decodeIfPresent(String.self, forKey: .tempat)
        uraian = try c.decodeIfPresent(String.self, forKey: .uraian)
        peserta = try c.teksAtauAngka(.peserta)
    }

    /// Records it for `kim` with its photos (by default, the request's) under the client's key:
    /// the form's `kunci`, or the API's `Idempotency-Key`.
    static func catat(_ req: Request, _ kim: KimModel, _ i: IsianKegiatan, foto: [FotoMasuk]? = nil) async throws
        -> (KegiatanModel, foto: [UUID], baru: Bool) {
        let p = try req.wajibMasuk()
        return try await LayananAktivitas(l: req.lingkungan).catatKegiatan(kim, jenis: i.jenis ?? "", tanggal: i.tanggal ?? "", tempat: i.tempat ?? "",
                                                                          uraian: i.uraian ?? "", peserta: i.peserta,
                                                                          foto: try foto ?? req.berkas("foto"), oleh: p.aktor,
                                                                          kunci: req.kunciIdempotensi)
    }
}
