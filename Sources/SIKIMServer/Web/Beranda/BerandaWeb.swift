import SIKIMCore
import Vapor

/// The home page: for the public, what SIKIM is; for a signed-in person, "Tugas Anda", the
/// few things their role must do now with counts and one primary action (issue 19).
struct BerandaWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: beranda)
    }

    struct Tautan: Encodable { let label: String; let href: String }
    struct Kartu: Encodable {
        let id: String; let judul: String; let jumlah: String?; let keterangan: String; let href: String; let mendesak: Bool
        var daftar: [Tautan] = []
    }

    struct Konteks: Encodable {
        let tata: Tata
        let jumlahKecamatan: Int
        let jumlahDesa: Int
        let tanggal: String
        let utama: Tautan?
        let lain: [Tautan]
        let tugas: [Kartu]
    }

    @Sendable func beranda(req: Request) async throws -> Response {
        let jumlah = try await LayananWilayah(l: req.lingkungan).jumlah()
        var (utama, lain, tugas): (Tautan?, [Tautan], [Kartu]) = (nil, [], [])
        if let aktor = req.aktor {
            (utama, lain, tugas) = Self.kartu(try await LayananBeranda(l: req.lingkungan).tugas(untuk: aktor), peran: aktor.peran)
        }
        return try await req.halaman("beranda", Konteks(
            tata: req.tata("Beranda"), jumlahKecamatan: jumlah[Tingkat.kecamatan.rawValue] ?? 0,
            jumlahDesa: jumlah[Tingkat.desa.rawValue] ?? 0, tanggal: TanggalIndonesia.panjang(req.sekarang),
            utama: utama, lain: lain, tugas: tugas))
    }

    /// The cards of a role's tasks, each leading to the list that holds the work.
    static func kartu(_ t: TugasBeranda, peran: Peran) -> (Tautan?, [Tautan], [Kartu]) {
        let n = Angka.ribuan
        switch t {
        case let .petugas(masuk, kedua, terlambat):
            return (Tautan(label: "Verifikasi laporan masuk", href: "/laporan?status=masuk"),
                    peran == .admin ? [Tautan(label: "Dasbor kabupaten", href: "/dasbor")] : [],
                    [Kartu(id: "tugas-masuk", judul: "Menunggu verifikasi", jumlah: n(masuk),
                           keterangan: "Laporan baru yang belum diperiksa. Informasi yang belum diverifikasi tidak ditindaklanjuti.",
                           href: "/laporan?status=masuk", mendesak: false),
                     Kartu(id: "tugas-konfirmasi-kedua", judul: "Menunggu konfirmasi kedua", jumlah: n(kedua),
                           keterangan: "Laporan sensitif yang sudah dikonfirmasi satu verifikator.",
                           href: "/laporan?status=menunggu_konfirmasi_kedua", mendesak: false),
                     Kartu(id: "tugas-terlambat", judul: "Lewat tenggat", jumlah: n(terlambat),
                           keterangan: "Laporan yang melewati batas waktu layanan pada tahapnya.", href: "/laporan/terlambat",
                           mendesak: terlambat > 0)])
        case let .wilayah(menanti, sepi):
            return (Tautan(label: "Lihat KIM di wilayah Anda", href: "/kim"), [],
                    [Kartu(id: "tugas-pengesahan", judul: "KIM menunggu pengesahan Anda", jumlah: n(menanti),
                           keterangan: peran == .operatorDesa ? "KIM yang sudah diajukan dan menunggu pengesahan desa."
                                                              : "KIM yang menunggu pengesahan kecamatan.",
                           href: "/kim", mendesak: menanti > 0),
                     Kartu(id: "tugas-tidak-aktif", judul: "KIM tidak aktif", jumlah: n(sepi),
                           keterangan: "KIM yang lama tidak berkegiatan atau melapor: perlu pembinaan.", href: "/kim/pembinaan",
                           mendesak: false)])
        case let .opd(diteruskan, terlambat):
            return (Tautan(label: "Tindak lanjuti laporan", href: "/laporan?status=diteruskan"), [],
                    [Kartu(id: "tugas-diteruskan", judul: "Diteruskan kepada Anda", jumlah: n(diteruskan),
                           keterangan: "Laporan terverifikasi yang menunggu tanggapan dan tindak lanjut Anda.",
                           href: "/laporan?status=diteruskan", mendesak: false),
                     Kartu(id: "tugas-terlambat", judul: "Lewat tenggat", jumlah: n(terlambat),
                           keterangan: "Laporan Anda yang melewati batas waktu tanggapan atau tindak lanjut.", href: "/laporan/terlambat",
                           mendesak: terlambat > 0)])
        case let .pengurus(kim, aktivitas, ambang, materi, klarifikasi):
            let status = aktivitas?.status ?? .belumAktif
            let terakhir = aktivitas?.terakhir.map { "Kegiatan atau laporan terakhir: \(TanggalIndonesia.panjang($0))." } ?? "Belum ada kegiatan atau laporan."
            return (Tautan(label: "Kirim laporan", href: "/laporan/baru"),
                    [Tautan(label: "Catat kegiatan", href: "/kim/\(kim.id!)#form-kegiatan")],
                    [Kartu(id: "tugas-aktivitas", judul: "Status \(kim.nama): \(status.label)", jumlah: nil,
                           keterangan: "\(terakhir) KIM tetap aktif bila mencatat kegiatan, mengirim laporan, atau melaporkan penyebaran "
                                       + "setidaknya sekali dalam \(ambang.aktif) hari.",
                           href: "/kim/\(kim.id!)", mendesak: status == .kurangAktif || status == .tidakAktif),
                     Kartu(id: "tugas-materi", judul: "Materi untuk disebarkan", jumlah: n(materi.count),
                           keterangan: materi.isEmpty ? "Tidak ada materi yang menunggu." : "Sebarkan, lalu laporkan penyebarannya sebelum batas waktunya.",
                           href: "/diseminasi", mendesak: false,
                           daftar: materi.map { Tautan(label: "\($0.judul) — paling lambat \(TanggalIndonesia.panjang($0.batas))",
                                                       href: DiseminasiWeb.url($0.id)) }),
                     Kartu(id: "tugas-klarifikasi", judul: "Laporan menunggu jawaban", jumlah: n(klarifikasi),
                           keterangan: "Verifikator meminta keterangan tambahan atas laporan KIM Anda.",
                           href: "/laporan?status=klarifikasi", mendesak: klarifikasi > 0)])
        }
    }
}
