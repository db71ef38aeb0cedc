import Fluent
import Foundation
import SQLKit
import SIKIMCore

/// Every migration, in order. Append only: a released migration is never edited.
enum Migrasi {
    static let semua: [any Migration] = [
        M001BuatWilayah(),
        M002BuatOPD(),
        M003IsiOPDAwal(),
        M004BuatPengguna(),
        M005BuatTokenAPI(),
        M006BuatPercobaanLogin(),
        M007BuatSesi(),
        M008BuatKim(),
        M009BuatPengurus(),
        M010BuatTransisiKim(),
        M011BuatDokumenKim(),
        M012PenggunaTerikatKim(),
        M013BuatKategori(),
        M014IsiKategoriAwal(),
        M015BuatHariLibur(),
        M016IsiHariLibur(),
        M017BuatLaporan(),
        M018BuatLampiranLaporan(),
        M019BuatKegiatan(),
        M020BuatDiseminasi(),
        M021BuatNotifikasi(),
        M022BuatWebhook(),
        M023BuatPemeriksaBerkala(),
        M024BuatBerkasMateri(),
        M025BuatPenomoranLaporan(),
        M026IndeksDaftarLaporan(),
        M027IndeksAktivitasKim(),
        M028IndeksDaftarKim(),
        MigrasiIndeks.m029StatistikLaporan,
        M030HapusIndeksBerlebih(),
        MigrasiIndeks.m031Pengguna,
        MigrasiIndeks.m032Publik,
        M033VersiPerubahan(),
        M034UrutanTransisiKim(),
        M035AkunKimDibubarkan(),
        M036TokenKedaluwarsa(),
    ]
}

struct M001BuatWilayah: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("wilayah")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("tingkat", .string, .required)
            .field("kode_induk", .string, .required)
            .field("lat", .double, .required)
            .field("lon", .double, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "wilayah_kode_induk_idx").on("wilayah").column("kode_induk").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("wilayah").delete()
    }
}

struct M002BuatOPD: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("opd")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("aktif", .bool, .required)
            .field("diubah_pada", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("opd").delete()
    }
}

/// Seeds the agencies once; afterwards they are the admin's to rename or deactivate.
struct M003IsiOPDAwal: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let pada = Date()
        for opd in AturanOPD.awal {
            try await OPDModel(kode: opd.kode, nama: opd.nama, pada: pada).create(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        try await OPDModel.query(on: db).filter(\.$id ~~ AturanOPD.awal.map(\.kode)).delete()
    }
}

struct M004BuatPengguna: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pengguna")
            .id()
            .field("username", .string, .required)
            .field("nama", .string, .required)
            .field("hash_kata_sandi", .string, .required)
            .field("peran", .string, .required)
            .field("kode_wilayah", .string, .references("wilayah", "kode"))
            .field("kode_opd", .string, .references("opd", "kode"))
            .field("aktif", .bool, .required)
            .field("dibuat_pada", .datetime, .required)
            .field("terakhir_masuk", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pengguna").delete()
    }
}

struct M005BuatTokenAPI: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("token_api")
            .id()
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("hash_token", .string, .required)
            .field("dibuat_pada", .datetime, .required)
            .field("dicabut_pada", .datetime)
            .unique(on: "hash_token")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("token_api").delete()
    }
}

struct M006BuatPercobaanLogin: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("percobaan_login")
            .id()
            .field("username", .string, .required)
            .field("alamat_ip", .string, .required)
            .field("berhasil", .bool, .required)
            .field("waktu", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "percobaan_login_username_idx").on("percobaan_login").column("username").column("waktu").run()
        try await sql.create(index: "percobaan_login_ip_idx").on("percobaan_login").column("alamat_ip").column("waktu").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("percobaan_login").delete()
    }
}

struct M007BuatSesi: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sesi")
            .field("id", .string, .identifier(auto: false))
            .field("data", .dictionary(of: .string), .required)
            .field("kedaluwarsa_pada", .datetime, .required)
            .field("pengguna_id", .string)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "sesi_kedaluwarsa_idx").on("sesi").column("kedaluwarsa_pada").run()
        try await sql.create(index: "sesi_pengguna_idx").on("sesi").column("pengguna_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sesi").delete()
    }
}

struct M008BuatKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kim")
            .id()
            .field("nama", .string, .required)
            .field("tingkat", .string, .required)
            .field("kode_wilayah", .string, .required, .references("wilayah", "kode"))
            .field("status", .string, .required)
            .field("alamat", .string)
            .field("email", .string)
            .field("telepon", .string)
            .field("tanggal_pembentukan", .string)
            .field("tempat_pembentukan", .string)
            .field("jumlah_hadir", .int)
            .field("fokus", .array(of: .string), .required)
            .field("nomor_sk_desa", .string)
            .field("tanggal_sk_desa", .string)
            .field("nomor_sk_kecamatan", .string)
            .field("tanggal_sk_kecamatan", .string)
            .field("dibuat_pada", .datetime, .required)
            .field("diubah_pada", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        // At most one KIM that is not dissolved per region, guaranteed by the database too.
        try await sql.raw("CREATE UNIQUE INDEX kim_satu_per_wilayah ON kim (kode_wilayah) WHERE status <> 'dibubarkan'").run()
        try await sql.create(index: "kim_status_idx").on("kim").column("status").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kim").delete()
    }
}

struct M009BuatPengurus: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pengurus")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("jabatan", .string, .required)
            .field("keterangan", .string)
            .field("jenis_kelamin", .string, .required)
            .field("nomor_hp", .string, .required)
            .field("email", .string)
            .field("tahun_lahir", .int, .required)
            .field("masa_bakti_mulai", .string, .required)
            .field("masa_bakti_selesai", .string, .required)
            .field("pengguna_id", .uuid, .references("pengguna", "id", onDelete: .setNull))
            .create()
        try await (db as! any SQLDatabase).create(index: "pengurus_kim_idx").on("pengurus").column("kim_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pengurus").delete()
    }
}

struct M010BuatTransisiKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kim_transisi")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("aksi", .string, .required)
            .field("dari", .string, .required)
            .field("ke", .string, .required)
            .field("catatan", .string)
            .field("nomor_sk", .string)
            .field("tanggal_sk", .string)
            .field("pengguna_id", .uuid, .required)
            .field("nama_pengguna", .string, .required)
            .field("peran", .string, .required)
            .field("waktu", .datetime, .required)
            .field("tanggal", .string, .required)
            .field("urutan", .int, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "kim_transisi_kim_idx").on("kim_transisi").column("kim_id").run()
        try await sql.create(index: "kim_transisi_tanggal_idx").on("kim_transisi").column("tanggal").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kim_transisi").delete()
    }
}

struct M011BuatDokumenKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kim_dokumen")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("nama_asli", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .field("berkas", .string, .required)
            .field("diunggah_oleh", .uuid, .required)
            .field("waktu", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kim_dokumen").delete()
    }
}

/// A pengurus KIM account is bound to its KIM (until now it was bound to a desa).
struct M012PenggunaTerikatKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pengguna").field("kim_id", .uuid, .references("kim", "id")).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pengguna").deleteField("kim_id").update()
    }
}

struct M013BuatKategori: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kategori")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("kode_opd", .string, .required, .references("opd", "kode"))
            .field("sensitif", .bool, .required)
            .field("pertanyaan", .string, .required)
            .field("aktif", .bool, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kategori").delete()
    }
}

/// The categories of information, seeded once; the admin edits them afterwards.
struct M014IsiKategoriAwal: AsyncMigration {
    static let awal: [KategoriModel] = [
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

    func prepare(on db: any Database) async throws {
        for k in Self.awal { try await KategoriModel(kode: k.id!, nama: k.nama, opd: k.kodeOPD, sensitif: k.sensitif,
                                                     pertanyaan: k.pertanyaan).create(on: db) }
    }

    func revert(on db: any Database) async throws {
        try await KategoriModel.query(on: db).filter(\.$id ~~ Self.awal.compactMap(\.id)).delete()
    }
}

struct M015BuatHariLibur: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("hari_libur")
            .field("tanggal", .string, .identifier(auto: false))
            .field("jenis", .string, .required)
            .field("nama", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("hari_libur").delete()
    }
}

/// Holidays 2020–2030 from the shipped list; a date with two holidays keeps the first name.
struct M016IsiHariLibur: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let teks = try String(contentsOf: Sumber.data("hari-libur.csv"), encoding: .utf8)
        var dilihat = Set<String>()
        var baris: [HariLiburModel] = []
        for sel in try CSV.baca(teks).dropFirst() where sel.count == 3 && dilihat.insert(sel[0]).inserted {
            baris.append(HariLiburModel(tanggal: sel[0], jenis: sel[1], nama: sel[2]))
        }
        try await baris.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await HariLiburModel.query(on: db).delete()
    }
}

struct M017BuatLaporan: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("laporan")
            .id()
            .field("nomor", .string, .required)
            .field("judul", .string, .required)
            .field("isi", .string, .required)
            .field("kode_kategori", .string, .required, .references("kategori", "kode"))
            .field("kode_wilayah", .string, .required, .references("wilayah", "kode"))
            .field("kim_id", .uuid, .references("kim", "id"))
            .field("pelapor_id", .uuid, .required, .references("pengguna", "id"))
            .field("nama_pelapor", .string, .required)
            .field("nama_kim", .string)
            .field("lat", .double)
            .field("lon", .double)
            .field("alamat", .string)
            .field("waktu_kejadian", .datetime)
            .field("sumber", .string, .required)
            .field("kerahasiaan", .string, .required)
            .field("jawaban", .string, .required)
            .field("status", .string, .required)
            .field("dipublikasikan", .bool, .required)
            .field("konfirmasi_pertama", .uuid)
            .field("hasil", .string)
            .field("kunci_idempotensi", .string)
            .field("dibuat_pada", .datetime, .required)
            .field("diteruskan_pada", .datetime)
            .field("diubah_pada", .datetime, .required)
            .unique(on: "nomor")
            .unique(on: "pelapor_id", "kunci_idempotensi")
            .create()
        try await db.schema("laporan_opd")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("kode_opd", .string, .required, .references("opd", "kode"))
            .field("instruksi", .string, .required)
            .field("diteruskan_pada", .datetime, .required)
            .field("ditanggapi_pada", .datetime)
            .unique(on: "laporan_id", "kode_opd")
            .create()
        try await db.schema("laporan_foto")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await db.schema("laporan_peristiwa")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("urutan", .int, .required)
            .field("aksi", .string, .required)
            .field("dari", .string, .required)
            .field("ke", .string, .required)
            .field("catatan", .string)
            .field("data", .string, .required)
            .field("pengguna_id", .uuid, .required)
            .field("nama_pengguna", .string, .required)
            .field("peran", .string, .required)
            .field("waktu", .datetime, .required)
            .field("hash_sebelum", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "laporan_id", "urutan")
            .create()
        let sql = db as! any SQLDatabase
        for (i, t, k) in [("laporan_status_idx", "laporan", "status"), ("laporan_wilayah_idx", "laporan", "kode_wilayah"),
                          ("laporan_dibuat_idx", "laporan", "dibuat_pada"), ("laporan_opd_kode_idx", "laporan_opd", "kode_opd"),
                          ("laporan_foto_idx", "laporan_foto", "laporan_id")] {
            try await sql.create(index: i).on(t).column(k).run()
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["laporan_peristiwa", "laporan_foto", "laporan_opd", "laporan"] { try await db.schema(t).delete() }
    }
}

struct M018BuatLampiranLaporan: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("laporan_lampiran")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("peristiwa_id", .uuid, .required, .references("laporan_peristiwa", "id", onDelete: .cascade))
            .field("nama_asli", .string, .required)
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "laporan_lampiran_idx").on("laporan_lampiran").column("laporan_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("laporan_lampiran").delete()
    }
}

struct M019BuatKegiatan: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kegiatan")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("tanggal", .string, .required)
            .field("tempat", .string, .required)
            .field("uraian", .string, .required)
            .field("peserta", .int)
            .field("dibuat_oleh", .uuid, .required)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await db.schema("kegiatan_foto")
            .id()
            .field("kegiatan_id", .uuid, .required, .references("kegiatan", "id", onDelete: .cascade))
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await db.schema("pembinaan")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("catatan", .string, .required)
            .field("oleh", .uuid, .required)
            .field("nama_oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .create()
        try await db.schema("pengaturan")
            .field("kunci", .string, .identifier(auto: false))
            .field("nilai", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "kegiatan_kim_idx").on("kegiatan").column("kim_id").column("tanggal").run()
        try await sql.create(index: "laporan_kim_idx").on("laporan").column("kim_id").run()
    }

    func revert(on db: any Database) async throws {
        for t in ["pengaturan", "pembinaan", "kegiatan_foto", "kegiatan"] { try await db.schema(t).delete() }
    }
}

struct M020BuatDiseminasi: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("materi")
            .id()
            .field("judul", .string, .required)
            .field("ringkasan", .string, .required)
            .field("isi", .string, .required)
            .field("jenis", .string, .required)
            .field("sasaran", .string, .required)
            .field("batas_waktu", .string, .required)
            .field("dibuat_oleh", .uuid, .required)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await db.schema("materi_penerima")
            .id()
            .field("materi_id", .uuid, .required, .references("materi", "id", onDelete: .cascade))
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("kode_wilayah", .string, .required)
            .field("status", .string, .required)
            .field("dibaca_pada", .datetime)
            .field("saluran", .string)
            .field("tanggal", .string)
            .field("jangkauan", .int)
            .field("catatan", .string)
            .field("dilaporkan_oleh", .uuid)
            .unique(on: "materi_id", "kim_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "materi_penerima_kim_idx").on("materi_penerima").column("kim_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("materi_penerima").delete()
        try await db.schema("materi").delete()
    }
}
