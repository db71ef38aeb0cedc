import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/laporan` and `/api/v1/kategori`.
struct LaporanAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("kategori", use: kategori)
        api.post("laporan", use: buat).batasBadan(berkas: "30mb")
        api.get("laporan", use: daftar)
        api.get("laporan", ":laporan", use: detail)
        api.get("laporan", ":laporan", "riwayat", use: riwayat)
        api.post("laporan", ":laporan", "transisi", use: transisi).batasBadan(berkas: "30mb")
        api.post("laporan", ":laporan", "foto-penuh", use: lengkapiFoto).batasBadan(berkas: "6mb")
    }

    @Sendable func kategori(req: Request) async throws -> Halaman<KategoriDTO> {
        Halaman(data: try await LayananLaporan(l: req.lingkungan).kategoriAktif().map(KategoriDTO.init), nextCursor: nil)
    }

    /// JSON, or multipart with `foto[]` files; `Idempotency-Key` makes a retry safe.
    @Sendable func buat(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let multipart = req.headers.contentType?.type == "multipart"
        let isian = multipart ? try await req.isianLaporanFormulir() : try req.content.decode(IsianLaporan.self)
        let layanan = LayananLaporan(l: req.lingkungan)
        // The phone app says so, and when the laporan was written (issue 20).
        let kanal = KanalLaporan.tentukan(klaim: req.headers.first(name: "X-SIKIM-Kanal"),
                                          ditulis: KanalLaporan.waktu(req.headers.first(name: "X-SIKIM-Ditulis")),
                                          diterima: req.sekarang, lewatAPI: true)
        let (m, baru, idFoto) = try await layanan.buat(isian, foto: try req.berkas("foto"), oleh: p.pelaku,
                                                       kunci: req.headers.first(name: "Idempotency-Key"),
                                                       asal: AsalLaporan(kanal: kanal.kanal, ditulis: kanal.ditulis))
        // A new laporan has no OPD yet and its photos are known: nothing to read back.
        let d = baru ? try await layanan.terlihat([m], untuk: p.aktor) { _ in ([], idFoto) }[0]
            : try await layanan.terlihat(m.id, untuk: p.aktor)
        let res = LaporanDTO(d).jawaban(baru ? .created : .ok, for: req)
        if !baru { res.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return res
    }

    /// The full version of a photo sent as a preview (multipart, one `foto`; `FotoMenyusul`):
    /// the same bytes again answer as the first time, so a retry after a lost answer is safe.
    @Sendable func lengkapiFoto(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let baru = try await LayananLaporan(l: req.lingkungan).lengkapiFoto(laporan: req.parameters.get("laporan", as: UUID.self),
                                                                            foto: try req.berkas("foto"), oleh: p.pelaku)
        let res = Response(status: .noContent)
        if !baru { res.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return res
    }

    @Sendable func daftar(req: Request) async throws -> Response {
        let h = try await LayananLaporan(l: req.lingkungan).halaman(try req.saringanLaporan(), try req.paginasi(), untuk: req.aktor)
        return Halaman(h.map(LaporanDTO.init)).jawaban(for: req)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        LaporanDTO(try await LayananLaporan(l: req.lingkungan).terlihat(req.parameters.get("laporan", as: UUID.self), untuk: req.aktor))
            .jawaban(for: req)
    }

    /// The internal timeline: only for those whose own scope covers the laporan.
    @Sendable func riwayat(req: Request) async throws -> Halaman<PeristiwaDTO> {
        let id = req.parameters.get("laporan", as: UUID.self)
        let riwayat = try await LayananLaporan(l: req.lingkungan).riwayat(id, untuk: req.aktor)
        return Halaman(data: riwayat.map { PeristiwaDTO($0, laporan: id!) }, nextCursor: nil)
    }

    struct PermintaanTransisi: Content {
        let ke: String
        var catatan: String?
        var metode: String?
        var alasan: String?
        var opd: [String]?
        /// The laporan's version the client decided from (`versi` of what it read); optional.
        var versi: Int?
    }

    @Sendable func transisi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let layanan = LayananLaporan(l: req.lingkungan)
        let m = try await layanan.satu(req.parameters.get("laporan", as: UUID.self), untuk: p.aktor, boleh: Tindakan.tanganiLaporan)
        let b = try req.content.decode(PermintaanTransisi.self)
        guard let aksi = SiklusLaporan.aksi(ke: b.ke, dari: m.statusLaporan) else {
            throw ParameterTidakValid("Status tujuan \"\(b.ke.prefix(40))\" tidak dikenal.")
        }
        try await layanan.jalankan(aksi, pada: m, data: try DataAksiLaporan.periksa(catatan: b.catatan, metode: b.metode, alasan: b.alasan,
                                                                                    opd: b.opd ?? []),
                                   oleh: p.pelaku, lampiran: try req.berkas("lampiran"), versi: b.versi)
        return LaporanDTO(try await layanan.terlihat(m.id, untuk: p.aktor)).jawaban(for: req)
    }
}
