import FluentKit
import Foundation
import SIKIMCore

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class KimModel: Berversi, @unchecked Sendable {
    package static let schema = "kim"

    @ID(key: .id) package var id: UUID?
    @Field(key: "nama") package var nama: String
    @Field(key: "tingkat") package var tingkat: String
    @Field(key: "kode_wilayah") package var kodeWilayah: String
    @Field(key: "status") package var status: String
    @OptionalField(key: "alamat") package var alamat: String?
    @OptionalField(key: "email") package var email: String?
    @OptionalField(key: "telepon") package var telepon: String?
    /// Calendar days are stored as "YYYY-MM-DD" (see `Tanggal`).
    @OptionalField(key: "tanggal_pembentukan") package var tanggalPembentukan: String?
    @OptionalField(key: "tempat_pembentukan") package var tempatPembentukan: String?
    @OptionalField(key: "jumlah_hadir") package var jumlahHadir: Int?
    @Field(key: "fokus") package var fokus: [String]
    @OptionalField(key: "nomor_sk_desa") package var nomorSKDesa: String?
    @OptionalField(key: "tanggal_sk_desa") package var tanggalSKDesa: String?
    @OptionalField(key: "nomor_sk_kecamatan") package var nomorSKKecamatan: String?
    @OptionalField(key: "tanggal_sk_kecamatan") package var tanggalSKKecamatan: String?
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    @Field(key: "diubah_pada") package var diubahPada: Date
    /// Counts its changes, board changes included (`Berversi`).
    @Field(key: "versi") package var versi: Int
    @Children(for: \.$kim) package var pengurus: [PengurusModel]

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nama, $tingkat, $kodeWilayah, $status, $alamat, $email, $telepon, $tanggalPembentukan, $tempatPembentukan, $jumlahHadir, $fokus, $nomorSKDesa, $tanggalSKDesa, $nomorSKKecamatan, $tanggalSKKecamatan, $dibuatPada, $diubahPada, $versi, $pengurus] }

    package init(tingkat: TingkatKim, wilayah: KodeWilayah, data: DataKim, pada: Date) {
        self.tingkat = tingkat.rawValue
        kodeWilayah = wilayah.nilai
        status = StatusKim.draf.rawValue
        dibuatPada = pada
        versi = 0
        salin(data, pada: pada)
    }

    package func salin(_ d: DataKim, pada: Date) {
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

    package var statusKim: StatusKim { StatusKim(rawValue: status) ?? .draf }
    package var tingkatKim: TingkatKim { TingkatKim(rawValue: tingkat) ?? .desa }
    package var wilayah: KodeWilayah { KodeWilayah(kodeWilayah)! }
    /// The formation date as pages show it, e.g. "Kamis, 16 Mei 2024".
    package var tanggalPembentukanPanjang: String? { tanggalPembentukan.flatMap(Tanggal.init(iso:)).map(TanggalIndonesia.panjang) }

    /// The KIM as the lifecycle sees it; the board must be loaded.
    package func keadaan(pengurus: [PengurusModel]) -> KeadaanKim {
        let tanggal = tanggalPembentukan.flatMap(Tanggal.init(iso:))
        return KeadaanKim(status: statusKim, tingkat: tingkatKim, wilayah: wilayah, tanggalPembentukan: tanggal,
                          kekuranganPembentukan: AturanKim.kekuranganPembentukan(
                            tanggal: tanggal, tempat: tempatPembentukan, jabatan: pengurus.compactMap { Jabatan(rawValue: $0.jabatan) }))
    }
}

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PengurusModel: Model, @unchecked Sendable {
    package static let schema = "pengurus"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "nama") package var nama: String
    @Field(key: "jabatan") package var jabatan: String
    @OptionalField(key: "keterangan") package var keterangan: String?
    @Field(key: "jenis_kelamin") package var jenisKelamin: String
    @Field(key: "nomor_hp") package var nomorHP: String
    @OptionalField(key: "email") package var email: String?
    @Field(key: "tahun_lahir") package var tahunLahir: Int
    @Field(key: "masa_bakti_mulai") package var masaBaktiMulai: String
    @Field(key: "masa_bakti_selesai") package var masaBaktiSelesai: String
    @OptionalParent(key: "pengguna_id") package var pengguna: PenggunaModel?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kim, $nama, $jabatan, $keterangan, $jenisKelamin, $nomorHP, $email, $tahunLahir, $masaBaktiMulai, $masaBaktiSelesai, $pengguna] }

    package init(kimID: UUID, _ p: Pengurus) {
        $kim.id = kimID
        salin(p)
    }

    package func salin(_ p: Pengurus) {
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

    package var jabatanKim: Jabatan { Jabatan(rawValue: jabatan) ?? .anggota }

    /// Board order on every page and document: ketua first, then by post.
    package static func urut(_ a: PengurusModel, _ b: PengurusModel) -> Bool {
        let ia = Jabatan.allCases.firstIndex(of: a.jabatanKim)!, ib = Jabatan.allCases.firstIndex(of: b.jabatanKim)!
        return ia != ib ? ia < ib : a.nama < b.nama
    }
}

/// One step of a KIM's lifecycle: who, when, from, to, and the SK or reason.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class TransisiKimModel: Model, @unchecked Sendable {
    package static let schema = "kim_transisi"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "aksi") package var aksi: String
    @Field(key: "dari") package var dari: String
    @Field(key: "ke") package var ke: String
    @OptionalField(key: "catatan") package var catatan: String?
    @OptionalField(key: "nomor_sk") package var nomorSK: String?
    @OptionalField(key: "tanggal_sk") package var tanggalSK: String?
    @Field(key: "pengguna_id") package var penggunaID: UUID
    @Field(key: "nama_pengguna") package var namaPengguna: String
    @Field(key: "peran") package var peran: String
    @Field(key: "waktu") package var waktu: Date
    /// The WIB day of `waktu`, for the day-by-day formation chart.
    @Field(key: "tanggal") package var tanggal: String
    /// Order within the KIM's history (steps of one action share the same instant).
    @Field(key: "urutan") package var urutan: Int

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kim, $aksi, $dari, $ke, $catatan, $nomorSK, $tanggalSK, $penggunaID, $namaPengguna, $peran, $waktu, $tanggal, $urutan] }
}

/// An uploaded scan (signed SK, berita acara, pernyataan), stored under a generated name.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class DokumenKimModel: Model, @unchecked Sendable {
    package static let schema = "kim_dokumen"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "jenis") package var jenis: String
    @Field(key: "nama_asli") package var namaAsli: String
    @Field(key: "tipe_mime") package var tipeMime: String
    @Field(key: "ukuran") package var ukuran: Int
    @Field(key: "sha256") package var sha256: String
    @Field(key: "berkas") package var berkas: String
    @Field(key: "diunggah_oleh") package var diunggahOleh: UUID
    @Field(key: "waktu") package var waktu: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kim, $jenis, $namaAsli, $tipeMime, $ukuran, $sha256, $berkas, $diunggahOleh, $waktu] }
}

/// A coaching note for a quiet KIM: a call or visit and its outcome.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PembinaanModel: Model, @unchecked Sendable {
    package static let schema = "pembinaan"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "jenis") package var jenis: String
    @Field(key: "catatan") package var catatan: String
    @Field(key: "oleh") package var oleh: UUID
    @Field(key: "nama_oleh") package var namaOleh: String
    @Field(key: "waktu") package var waktu: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kim, $jenis, $catatan, $oleh, $namaOleh, $waktu] }
}


/// A KIM's activity status from the day it changed, for trends.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class RiwayatAktivitasModel: Model, @unchecked Sendable {
    package static let schema = "kim_aktivitas_riwayat"
    @ID(key: .id) package var id: UUID?
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "tanggal") package var tanggal: String
    @Field(key: "status") package var status: String
    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kim, $tanggal, $status] }
}
