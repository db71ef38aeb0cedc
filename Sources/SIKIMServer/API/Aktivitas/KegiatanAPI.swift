import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/kegiatan`: the kegiatan of the KIMs in the actor's scope, and recording one.
struct KegiatanAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "kegiatan")
        api.get(use: daftar)
        api.post(use: buat).batasBadan(berkas: "30mb")
    }

    struct KegiatanDTO: Content {
        let id: UUID, kimId: UUID, jenis: String, tanggal: String, tempat: String, uraian: String, peserta: Int?, foto: [String]

        init(_ k: KegiatanModel, foto: [UUID]) {
            (id, kimId, jenis, tanggal, tempat, uraian, peserta) = (k.id!, k.$kim.id, k.jenis, k.tanggal, k.tempat, k.uraian, k.peserta)
            self.foto = foto.map { AktivitasWeb.urlFoto(kim: k.$kim.id, kegiatan: k.id!, foto: $0) }
        }
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<KegiatanDTO> {
        // Not the public directory's fallback: kegiatan are for the KIM's own people only.
        try req.wajib(.lihatDaftarKim)
        var kim: UUID?
        if let teks = try req.kueri["kim_id"], !teks.isEmpty {
            guard let id = UUID(uuidString: teks) else { throw TidakDitemukan("KIM") }
            kim = id
        }
        let (h, foto) = try await LayananAktivitas(l: req.lingkungan).halaman(try req.saringanKim(), kim: kim, try req.paginasi())
        return Halaman(h.map { KegiatanDTO($0, foto: (foto[$0.id!] ?? []).compactMap(\.id)) })
    }

    @Sendable func buat(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        let i = try req.content.decode(IsianKegiatan.self)
        guard let id = i.kimId.flatMap(UUID.init(uuidString:)) else {
            throw KesalahanIsian("kim_id", "Pilih KIM yang kegiatannya dicatat.")
        }
        // A KIM outside the actor's scope does not exist for them, as everywhere else.
        let kim = try await LayananKim(l: req.lingkungan).satu(id, untuk: req.aktor, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        let (k, foto, baru) = try await IsianKegiatan.catat(req, kim, i)
        let res = try await KegiatanDTO(k, foto: foto).encodeResponse(status: baru ? .created : .ok, for: req)
        if !baru { res.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return res
    }
}
