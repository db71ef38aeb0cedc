import Fluent
import Foundation
import SIKIMCore

final class KimModel: Berversi, @unchecked Sendable {
    static let schema = "kim"

    @ID(key: .id) var id: UUID?
    @Field(key: "nama") var nama: String
    @Field(key: "tingkat") var tingkat: String
    @Field(key: "kode_wilayah") var kodeWilayah: String
    @Field(key: "status") var status: String
    @OptionalField(key: "alamat") var alamat: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "telepon") var telepon: String?
    /// Calendar days are stored as "YYYY-MM-DD" (see `Tanggal`).
    @OptionalField(key: "tanggal_pembentukan") var tanggalPembentukan: String?
    @OptionalField(key: "tempat_pembentukan") var tempatPembentukan: String?
    @OptionalField(key: "jumlah_hadir") var jumlahHadir: Int?
    @Field(key: "fokus") var fokus: [String]
    @OptionalField(key: "nomor_sk_desa") var nomorSKDesa: String?
    @OptionalField(key: "tanggal_sk_desa") var tanggalSKDesa: String?
    @OptionalField(key: "nomor_sk_kecamatan") var nomorSKKecamatan: String?
    @OptionalField(key: "tanggal_sk_kecamatan") var tanggalSKKecamatan: String?
    @Field(key: "dibuat_pada") var dibuatPada: Date
    @Field(key: "diubah_pada") var diubahPada: Date
    /// Counts its changes, board changes included (`Berversi`).
    @Field(key: "versi") var versi: Int
    @Children(for: \.$kim) var pengurus: [PengurusModel]

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $nama, $tingkat, $kodeWilayah, $status, $alamat, $email, $telepon, $tanggalPembentukan, $tempatPembentukan, $jumlahHadir, $fokus, $nomorSKDesa, $tanggalSKDesa, $nomorSKKecamatan, $tanggalSKKecamatan, $dibuatPada, $diubahPada, $versi, $pengurus] }

    init(tingkat: TingkatKim, wilayah: KodeWilayah, data: DataKim, pada: Date) {
        self.tingkat = tingkat.rawValue
        kodeWilayah = wilayah.nilai
        status = StatusKim.draf.rawValue
        dibuatPada = pada
        versi = 0
        salin(data, pada: pada)
    }

    func salin(_ d: DataKim, pada: Date) {
        nama = d.nama
        alamat = d.alamat
        email = d.email
        telepon = d.telepon
        tanggalPembentukan = d.tanggalPembentukan?.iso
        tempatPembentukan = d.tempatPembentukan
        jumlahHadir = d.jumlahHadir
        fokus = d.fokus
        diubahPada = pada
    }

    var statusKim: StatusKim { StatusKim(rawValue: status) ?? .draf }
    var tingkatKim: TingkatKim { TingkatKim(rawValue: tingkat) ?? .desa }
    var wilayah: KodeWilayah { KodeWilayah(kodeWilayah)! }
    /// The formation date as pages show it, e.g. "Kamis, 16 Mei 2024".
    var tanggalPembentukanPanjang: String? { tanggalPembentukan.flatMap(Tanggal.init(iso:)).map(TanggalIndonesia.panjang) }

    /// The KIM as the lifecycle sees it; the board must be loaded.
    func keadaan(pengurus: [PengurusModel]) -> KeadaanKim {
        let tanggal = tanggalPembentukan.flatMap(Tanggal.init(iso:))
        return KeadaanKim(status: statusKim, tingkat: tingkatKim, wilayah: wilayah, tanggalPembentukan: tanggal,
                          kekuranganPembentukan: AturanKim.kekuranganPembentukan(
                            tanggal: tanggal, tempat: tempatPembentukan, jabatan: pengurus.compactMap { Jabatan(rawValue: $0.jabatan) }))
    }
}

final class PengurusModel: Model, @unchecked Sendable {
    static let schema = "pengurus"

    @ID(key: .id) var id: UUID?
    @Parent(key: "kim_id") var kim: KimModel
    @Field(key: "nama") var nama: String
    @Field(key: "jabatan") var jabatan: String
    @OptionalField(key: "keterangan") var keterangan: String?
    @Field(key: "jenis_kelamin") var jenisKelamin: String
    @Field(key: "nomor_hp") var nomorHP: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "tahun_lahir") var tahunLahir: Int
    @Field(key: "masa_bakti_mulai") var masaBaktiMulai: String
    @Field(key: "masa_bakti_selesai") var masaBaktiSelesai: String
    @OptionalParent(key: "pengguna_id") var pengguna: PenggunaModel?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $kim, $nama, $jabatan, $keterangan, $jenisKelamin, $nomorHP, $email, $tahunLahir, $masaBaktiMulai, $masaBaktiSelesai, $pengguna] }

    init(kimID: UUID, _ p: Pengurus) {
        $kim.id = kimID
        salin(p)
    }

    func salin(_ p: Pengurus) {
        nama = p.nama
        jabatan = p.jabatan.rawValue
        keterangan = p.keterangan
        jenisKelamin = p.jenisKelamin.rawValue
        nomorHP = p.nomorHP
        email = p.email
        tahunLahir = p.tahunLahir
        masaBaktiMulai = p.masaBaktiMulai.iso
        masaBaktiSelesai = p.masaBaktiSelesai.iso
    }

    var jabatanKim: Jabatan { Jabatan(rawValue: jabatan) ?? .anggota }

    /// Board order on every page and document: ketua first, then by post.
    static func urut(_ a: PengurusModel, _ b: PengurusModel) -> Bool {
        let ia = Jabatan.allCases.firstIndex(of: a.jabatanKim)!, ib = Jabatan.allCases.firstIndex(of: b.jabatanKim)!
        return ia != ib ? ia < ib : a.nama < b.nama
    }
}

/// One step of a KIM's lifecycle: who, when, from, to, and the SK or reason.
final class TransisiKimModel: Model, @unchecked Sendable {
    static let schema = "kim_transisi"

    @ID(key: .id) var id: UUID?
    @Parent(key: "kim_id") var kim: KimModel
    @Field(key: "aksi") var aksi: String
    @Field(key: "dari") var dari: String
    @Field(key: "ke") var ke: String
    @OptionalField(key: "catatan") var catatan: String?
    @OptionalField(key: "nomor_sk") var nomorSK: String?
    @OptionalField(key: "tanggal_sk") var tanggalSK: String?
    @Field(key: "pengguna_id") var penggunaID: UUID
    @Field(key: "nama_pengguna") var namaPengguna: String
    @Field(key: "peran") var peran: String
    @Field(key: "waktu") var waktu: Date
    /// The WIB day of `waktu`, for the day-by-day formation chart.
    @Field(key: "tanggal") var tanggal: String
    /// Order within the KIM's history (steps of one action share the same instant).
    @Field(key: "urutan") var urutan: Int

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $kim, $aksi, $dari, $ke, $catatan, $nomorSK, $tanggalSK, $penggunaID, $namaPengguna, $peran, $waktu, $tanggal, $urutan] }
}

/// An uploaded scan (signed SK, berita acara, pernyataan), stored under a generated name.
final class DokumenKimModel: Model, @unchecked Sendable {
    static let schema = "kim_dokumen"

    @ID(key: .id) var id: UUID?
    @Parent(key: "kim_id") var kim: KimModel
    @Field(key: "jenis") var jenis: String
    @Field(key: "nama_asli") var namaAsli: String
    @Field(key: "tipe_mime") var tipeMime: String
    @Field(key: "ukuran") var ukuran: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "berkas") var berkas: String
    @Field(key: "diunggah_oleh") var diunggahOleh: UUID
    @Field(key: "waktu") var waktu: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $kim, $jenis, $namaAsli, $tipeMime, $ukuran, $sha256, $berkas, $diunggahOleh, $waktu] }
}
