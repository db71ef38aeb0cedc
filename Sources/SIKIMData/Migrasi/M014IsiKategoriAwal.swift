import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// The categories of information, seeded once; the admin edits them afterwards.
package struct M014IsiKategoriAwal: MigrasiBernama {
    package static let awal: [KategoriModel] = [
        KategoriModel(kode: "pariwisata", nama: "Pariwisata", opd: "dispar", sensitif: false, pertanyaan: [
            Pertanyaan(kode: "nama_lokasi", label: "Nama objek atau lokasi wisata", jenis: .teks, wajib: false),
            Pertanyaan(kode: "jenis_informasi", label: "Jenis informasi", jenis: .pilihanTunggal, wajib: false,
                       pilihan: ["Potensi wisata baru", "Acara / festival", "Kerusakan fasilitas", "Lainnya"]),
        ]),
        KategoriModel(kode: "permasalahan_desa", nama: "Permasalahan Desa", opd: "dpmd", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "perizinan", nama: "Perizinan / Usaha Tanpa Izin", opd: "dpmptsp", sensitif: true, pertanyaan: [
            Pertanyaan(kode: "nama_usaha", label: "Nama usaha atau perusahaan", jenis: .teks, wajib: true),
            Pertanyaan(kode: "jenis_usaha", label: "Jenis usaha", jenis: .pilihanTunggal, wajib: false,
                       pilihan: ["Industri", "Perdagangan", "Jasa", "Pertambangan / galian", "Lainnya"]),
            Pertanyaan(kode: "izin_diduga_tidak_ada", label: "Izin yang diduga tidak ada", jenis: .pilihanGanda, wajib: false,
                       pilihan: ["NIB", "PBG / IMB", "Persetujuan lingkungan", "Lainnya"]),
        ]),
        KategoriModel(kode: "infrastruktur", nama: "Infrastruktur", opd: "dpupr", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "bencana", nama: "Bencana", opd: "bpbd", sensitif: false, pertanyaan: [
            Pertanyaan(kode: "jenis_bencana", label: "Jenis bencana", jenis: .pilihanTunggal, wajib: false,
                       pilihan: ["Banjir", "Tanah longsor", "Angin puting beliung", "Kebakaran", "Gempa", "Abrasi", "Lainnya"]),
            Pertanyaan(kode: "jumlah_terdampak", label: "Perkiraan warga terdampak", jenis: .angka, wajib: false),
        ]),
        KategoriModel(kode: "lingkungan", nama: "Lingkungan", opd: "dlh", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "sosial", nama: "Sosial Kemasyarakatan", opd: "dinsos", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "kesehatan", nama: "Kesehatan", opd: "dinkes", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "pendidikan", nama: "Pendidikan", opd: "dindik", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "ekonomi_umkm", nama: "Ekonomi & UMKM", opd: "diskominfosatik", sensitif: false, pertanyaan: []),
        KategoriModel(kode: "lainnya", nama: "Lainnya", opd: "diskominfosatik", sensitif: false, pertanyaan: []),
    ]

    package func prepare(on db: any Database) async throws {
        for k in Self.awal { try await KategoriModel(kode: k.id!, nama: k.nama, opd: k.kodeOPD, sensitif: k.sensitif,
                                                     pertanyaan: k.pertanyaan).create(on: db) }
    }

    package func revert(on db: any Database) async throws {
        try await KategoriModel.query(on: db).filter(\.$id ~~ Self.awal.compactMap(\.id)).delete()
    }
}
