import SIKIMCore
import SIKIMData
import Vapor

/// Printable A4 documents generated from a KIM's stored data: the berita acara
/// pembentukan and the surat pernyataan. The browser's Print → PDF gives clean pages.
struct DokumenCetakWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kim", ":kim", "berita-acara", use: beritaAcara)
        routes.get("kim", ":kim", "pernyataan", use: pernyataan)
    }

    struct BarisPengurus: Encodable {
        let nomor: Int
        let nama: String
        let jabatan: String
        let jenisKelamin: String
    }

    struct Konteks: Encodable {
        let judul: String
        let kimId: String
        let namaKim: String
        let tingkatKim: String
        let desaKim: Bool
        let namaDesa: String?
        let namaKecamatan: String
        /// "Desa Kramatwatu, Kecamatan Kramatwatu" or "Kecamatan Kramatwatu".
        let letak: String
        let kalimatTanggal: String
        let tanggalTtd: String
        let tempat: String
        let jumlahHadir: String
        let pengurus: [BarisPengurus]
        let ketua: String
        let sekretaris: String
        let bendahara: String
        /// "Kabupaten Serang".
        let daerah: String
    }

    private func konteks(_ req: Request, judul: String) async throws -> Konteks {
        let m = try await req.kim()
        let l = req.lingkungan
        let pengurus = try await LayananKim(l: l).pengurus(m)
        let wilayah = try await LayananWilayah(l: l).wilayah([m.kodeWilayah, m.wilayah.kecamatan.nilai])
        let (w, kec) = (wilayah[m.kodeWilayah], wilayah[m.wilayah.kecamatan.nilai])
        let tanggal = m.tanggalPembentukan.flatMap(Tanggal.init(iso:))
        let titik = "…………………"
        func nama(_ j: Jabatan) -> String { pengurus.first { $0.jabatanKim == j }?.nama ?? titik }
        return Konteks(
            judul: judul, kimId: m.id!.uuidString, namaKim: m.nama, tingkatKim: m.tingkatKim.tingkatWilayah.label,
            desaKim: m.tingkatKim == .desa, namaDesa: m.tingkatKim == .desa ? w?.nama : nil, namaKecamatan: kec?.nama ?? "",
            letak: (m.tingkatKim == .desa ? "Desa \(w?.nama ?? ""), " : "") + "Kecamatan \(kec?.nama ?? "")",
            kalimatTanggal: tanggal.map(Terbilang.kalimatTanggal) ?? "Pada hari \(titik) tanggal \(titik)",
            tanggalTtd: tanggal.map { "\(w?.nama ?? ""), \(TanggalIndonesia.tanpaHari($0))" } ?? titik,
            tempat: m.tempatPembentukan ?? titik, jumlahHadir: m.jumlahHadir.map { "\($0) (\(Terbilang.angka($0)))" } ?? titik,
            pengurus: pengurus.enumerated().map { i, p in
                BarisPengurus(nomor: i + 1, nama: p.nama, jabatan: p.keterangan ?? p.jabatanKim.label,
                              jenisKelamin: JenisKelamin(rawValue: p.jenisKelamin)?.label ?? p.jenisKelamin)
            },
            ketua: nama(.ketua), sekretaris: nama(.sekretaris), bendahara: nama(.bendahara), daerah: l.konfigurasi.daerah.nama)
    }

    @Sendable func beritaAcara(req: Request) async throws -> Response {
        try await req.halaman("cetak-berita-acara", try await konteks(req, judul: "Berita Acara Pembentukan"))
    }

    @Sendable func pernyataan(req: Request) async throws -> Response {
        try await req.halaman("cetak-pernyataan", try await konteks(req, judul: "Surat Pernyataan"))
    }
}
