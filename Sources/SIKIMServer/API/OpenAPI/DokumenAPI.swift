import SIKIMData
import SIKIMCore
import Vapor

/// JSON Schema pieces for the API description. Optional fields are left out of `required`:
/// the encoder omits a nil value rather than writing null.
enum Skema {
    static let teks: NilaiJSON = ["type": "string"]
    static let bulat: NilaiJSON = ["type": "integer"]
    static let angka: NilaiJSON = ["type": "number"]
    static let logika: NilaiJSON = ["type": "boolean"]
    static let uuid: NilaiJSON = ["type": "string", "format": "uuid"]
    static let waktu: NilaiJSON = ["type": "string", "format": "date-time"]
    static let tanggal: NilaiJSON = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]

    static func pilihan<E: CaseIterable & RawRepresentable>(_: E.Type) -> NilaiJSON where E.RawValue == String {
        ["type": "string", "enum": .daftar(E.allCases.map { .teks($0.rawValue) })]
    }

    static func daftar(_ isi: NilaiJSON) -> NilaiJSON { ["type": "array", "items": isi] }
    static func peta(_ isi: NilaiJSON) -> NilaiJSON { ["type": "object", "additionalProperties": isi] }
    static func ref(_ nama: String) -> NilaiJSON { ["$ref": .teks("#/components/schemas/\(nama)")] }

    /// An object; properties named in `wajib` are always present.
    static func objek(_ sifat: KeyValuePairs<String, NilaiJSON>, wajib: [String]) -> NilaiJSON {
        ["type": "object", "properties": .objek(sifat.map { ($0.key, $0.value) }), "required": .daftar(wajib.map(NilaiJSON.teks))]
    }

    /// An object whose every property is always present.
    static func objek(_ sifat: KeyValuePairs<String, NilaiJSON>) -> NilaiJSON {
        objek(sifat, wajib: sifat.map(\.key))
    }

    /// A request body: every field optional, so the server's own messages say what is missing.
    static func isian(_ sifat: KeyValuePairs<String, NilaiJSON>, wajib: [String] = []) -> NilaiJSON {
        objek(sifat, wajib: wajib)
    }

    /// A list answer: `data` and `next_cursor` (null on the last page).
    static func halaman(_ nama: String) -> NilaiJSON {
        objek(["data": daftar(ref(nama)), "next_cursor": ["type": .daftar(["string", "null"])]])
    }
}

/// One `/api/v1` operation as the OpenAPI document and the `/api/docs` page describe it.
struct OperasiAPI: Sendable {
    enum Akses: Sendable {
        /// Anyone; a bearer token may widen what is seen.
        case publik
        /// A signed-in user (token or session); the policy decides the rest.
        case masuk
        /// Credentials in the body (the login that issues a token).
        case kredensial
    }

    struct ParameterQuery: Sendable {
        let nama: String
        let keterangan: String
        var skema: NilaiJSON = Skema.teks
    }

    let metode: HTTPMethod
    /// OpenAPI form: `/api/v1/kim/{kim}`.
    let jalur: String
    let kelompok: String
    let ringkasan: String
    var akses: Akses = .masuk
    var query: [ParameterQuery] = []
    /// Media type and schema of the request body.
    var badan: [(String, NilaiJSON)] = []
    var status: Int = 200
    /// The success body; nil for 204.
    var jawaban: NilaiJSON?
    /// Error statuses beyond those every operation of its kind may answer.
    var galatLain: [Int] = []
    /// Answers with a body other than the success or error shape.
    var jawabanLain: [JawabanLain] = []

    struct JawabanLain: Sendable {
        let status: Int
        let keterangan: String
        let skema: NilaiJSON
    }

    var parameterJalur: [String] {
        jalur.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    /// Every status the operation may answer with an error body.
    var statusGalat: [Int] {
        var s: Set<Int> = [401, 403] // a bad token is refused everywhere; a disabled account too
        if !query.isEmpty || !badan.isEmpty { s.insert(400) }
        if !parameterJalur.isEmpty { s.insert(404) }
        if !badan.isEmpty { s.formUnion([413, 415, 422]) }
        s.formUnion(galatLain)
        return s.subtracting(jawabanLain.map(\.status)).sorted()
    }
}

/// The API description: the operations, its OpenAPI 3.1 document, and the check that it
/// names exactly the routes the app registers.
enum DokumenAPI {
    static let jalurQueryHalaman: [OperasiAPI.ParameterQuery] = [
        .init(nama: "cursor", keterangan: "Nilai next_cursor dari halaman sebelumnya."),
        .init(nama: "limit", keterangan: "Jumlah baris per halaman (1–100, bawaan 50).", skema: ["type": "integer", "minimum": 1, "maximum": 100]),
    ]

    static let kodeWilayah = OperasiAPI.ParameterQuery(nama: "kode_wilayah", keterangan: "Kode Kemendagri; termasuk wilayah di bawahnya.")

    static let skemaKomponen: [(String, NilaiJSON)] = [
        ("Kesalahan", Skema.objek(["error": Skema.objek([
            "code": Skema.teks, "message": Skema.teks,
            "rincian": Skema.daftar(Skema.objek(["bidang": Skema.teks, "pesan": Skema.teks])),
        ], wajib: ["code", "message"])])),
        ("Sehat", Skema.objek(["status": Skema.teks, "basis_data": Skema.objek(["jenis": Skema.teks, "status": Skema.teks])])),
        ("Token", Skema.objek(["token": Skema.teks])),
        ("TokenBaru", Skema.objek(["token": Skema.teks, "id": Skema.uuid])),
        ("TokenInfo", Skema.objek(["id": Skema.uuid, "nama": Skema.teks, "dibuat_pada": Skema.waktu, "dicabut_pada": Skema.waktu,
                                   "kedaluwarsa_pada": Skema.waktu],
                                  wajib: ["id", "nama", "dibuat_pada"])),
        ("Pengguna", Skema.objek([
            "id": Skema.uuid, "username": Skema.teks, "nama": Skema.teks, "peran": Skema.pilihan(Peran.self),
            "kode_wilayah": Skema.teks, "kode_opd": Skema.teks, "kim_id": Skema.uuid, "aktif": Skema.logika,
            "dibuat_pada": Skema.waktu, "terakhir_masuk": Skema.waktu,
        ], wajib: ["id", "username", "nama", "peran", "aktif", "dibuat_pada"])),
        ("Wilayah", Skema.objek([
            "kode": Skema.teks, "nama": Skema.teks, "tingkat": Skema.pilihan(Tingkat.self), "kode_induk": Skema.teks,
            "lat": Skema.angka, "lon": Skema.angka,
        ])),
        ("OPD", Skema.objek(["kode": Skema.teks, "nama": Skema.teks, "aktif": Skema.logika])),
        ("SK", Skema.objek(["nomor": Skema.teks, "tanggal": Skema.teks])),
        ("Pengurus", Skema.objek([
            "id": Skema.uuid, "nama": Skema.teks, "jabatan": Skema.pilihan(Jabatan.self), "keterangan": Skema.teks,
            "jenis_kelamin": Skema.teks, "nomor_hp": Skema.teks, "email": Skema.teks, "tahun_lahir": Skema.bulat,
            "masa_bakti_mulai": Skema.teks, "masa_bakti_selesai": Skema.teks, "pengguna_id": Skema.uuid,
        ], wajib: ["id", "nama", "jabatan", "jenis_kelamin", "nomor_hp", "tahun_lahir", "masa_bakti_mulai", "masa_bakti_selesai"])),
        ("Kim", Skema.objek([
            "id": Skema.uuid, "nama": Skema.teks, "tingkat": Skema.pilihan(TingkatKim.self), "kode_wilayah": Skema.teks,
            "status": Skema.pilihan(StatusKim.self), "tanggal_pembentukan": Skema.teks, "tempat_pembentukan": Skema.teks,
            "jumlah_hadir": Skema.bulat, "fokus": Skema.daftar(Skema.teks), "alamat": Skema.teks, "email": Skema.teks,
            "telepon": Skema.teks, "sk_desa": Skema.ref("SK"), "sk_kecamatan": Skema.ref("SK"),
            "pengurus": Skema.daftar(Skema.ref("Pengurus")), "diubah_pada": Skema.waktu,
            "status_aktivitas": Skema.teks, "aktivitas_terakhir": Skema.teks, "versi": Skema.bulat,
        ], wajib: ["id", "nama", "tingkat", "kode_wilayah", "status", "fokus", "diubah_pada"])),
        ("TransisiKim", Skema.objek([
            "aksi": Skema.teks, "dari": Skema.teks, "ke": Skema.teks, "catatan": Skema.teks, "nomor_sk": Skema.teks,
            "tanggal_sk": Skema.teks, "oleh": Skema.teks, "peran": Skema.teks, "waktu": Skema.waktu,
        ], wajib: ["aksi", "dari", "ke", "oleh", "peran", "waktu"])),
        ("HasilImpor", Skema.objek([
            "siap": Skema.logika, "disimpan": Skema.bulat,
            "baris": Skema.daftar(Skema.objek(["nomor": Skema.bulat, "kode_wilayah": Skema.teks, "nama": Skema.teks,
                                               "kesalahan": Skema.daftar(Skema.teks)])),
        ])),
        ("Kategori", Skema.objek([
            "kode": Skema.teks, "nama": Skema.teks, "kode_opd": Skema.teks, "sensitif": Skema.logika,
            "pertanyaan": Skema.daftar(Skema.objek([
                "kode": Skema.teks, "label": Skema.teks, "jenis": Skema.pilihan(Pertanyaan.Jenis.self), "wajib": Skema.logika,
                "pilihan": Skema.daftar(Skema.teks),
            ])),
        ])),
        ("Laporan", Skema.objek([
            "id": Skema.uuid, "nomor": Skema.teks, "judul": Skema.teks, "isi": Skema.teks, "kategori": Skema.teks,
            "kode_wilayah": Skema.teks, "status": Skema.pilihan(StatusLaporan.self), "dipublikasikan": Skema.logika,
            "kerahasiaan": Skema.teks, "sumber": Skema.teks, "jawaban": Skema.peta(Skema.daftar(Skema.teks)),
            "lat": Skema.angka, "lon": Skema.angka, "alamat": Skema.teks, "waktu_kejadian": Skema.waktu,
            "pelapor": Skema.objek(["nama": Skema.teks, "kim": Skema.teks], wajib: []),
            "opd": Skema.daftar(Skema.teks), "hasil": Skema.teks, "foto": Skema.daftar(Skema.teks), "dibuat_pada": Skema.waktu,
            "tenggat": Skema.waktu, "tahap_sla": Skema.teks, "terlambat": Skema.logika, "versi": Skema.bulat,
            "kanal": Skema.pilihan(KanalLaporan.self), "ditulis_pada": Skema.waktu,
            // a chat laporan's number: Diskominfosatik staff only
            "nomor_pengirim": Skema.teks,
        // Outside the laporan's scope (the public, and anyone reading it only because it is
        // published) the internal fields are absent (`TampilanLaporan`).
        ], wajib: ["id", "nomor", "judul", "isi", "kategori", "kode_wilayah", "status", "dipublikasikan", "jawaban", "foto", "dibuat_pada"])),
        ("PesanMasuk", Skema.objek([
            "id": Skema.uuid, "kanal": Skema.pilihan(JenisKanal.self), "nomor_pengirim": Skema.teks, "jenis": Skema.teks, "teks": Skema.teks,
            "foto": Skema.teks, "lat": Skema.angka, "lon": Skema.angka, "status": Skema.teks, "diterima_pada": Skema.waktu, "versi": Skema.bulat,
        ], wajib: ["id", "kanal", "nomor_pengirim", "jenis", "teks", "status", "diterima_pada", "versi"])),
        ("NomorKanal", Skema.objek([
            "id": Skema.uuid, "nomor": Skema.teks, "kanal": Skema.teks, "dikonfirmasi_pada": Skema.waktu, "kode": Skema.teks,
            "kode_berlaku_sampai": Skema.waktu,
        ], wajib: ["id", "nomor"])),
        ("KirimanKanal", Skema.objek([
            "id": Skema.uuid, "kanal": Skema.pilihan(JenisKanal.self), "penerima": Skema.teks, "isi": Skema.teks, "status": Skema.teks,
            "percobaan": Skema.bulat, "galat": Skema.teks, "dibuat_pada": Skema.waktu, "dikirim_pada": Skema.waktu,
        ], wajib: ["id", "kanal", "penerima", "isi", "status", "percobaan", "dibuat_pada"])),
        ("Peristiwa", Skema.objek([
            "urutan": Skema.bulat, "aksi": Skema.teks, "dari": Skema.teks, "ke": Skema.teks, "catatan": Skema.teks,
            "oleh": Skema.teks, "peran": Skema.teks, "waktu": Skema.waktu,
            "lampiran": Skema.daftar(Skema.objek(["nama": Skema.teks, "url": Skema.teks, "sha256": Skema.teks])),
        ], wajib: ["urutan", "aksi", "dari", "ke", "peran", "waktu", "lampiran"])),
        ("Kegiatan", Skema.objek([
            "id": Skema.uuid, "kim_id": Skema.uuid, "jenis": Skema.teks, "tanggal": Skema.teks, "tempat": Skema.teks,
            "uraian": Skema.teks, "peserta": Skema.bulat, "foto": Skema.daftar(Skema.teks),
        ], wajib: ["id", "kim_id", "jenis", "tanggal", "tempat", "uraian", "foto"])),
        ("Materi", Skema.objek([
            "id": Skema.uuid, "judul": Skema.teks, "ringkasan": Skema.teks, "isi": Skema.teks, "jenis": Skema.teks,
            "batas_waktu": Skema.teks, "dibuat_pada": Skema.waktu, "status_saya": Skema.teks,
            "cakupan": Skema.objek(["sasaran": Skema.bulat, "dibaca": Skema.bulat, "disebarkan": Skema.bulat,
                                    "jangkauan": Skema.bulat, "persen": Skema.bulat, "terlambat": Skema.bulat]),
        ], wajib: ["id", "judul", "ringkasan", "isi", "jenis", "batas_waktu", "dibuat_pada"])),
        ("StatistikPembentukan", Skema.objek([
            "kode_wilayah": Skema.teks,
            "kim_kecamatan": Skema.ref("Capaian"), "kim_desa": Skema.ref("Capaian"),
            "per_status": Skema.peta(Skema.bulat),
            "per_kecamatan": Skema.daftar(Skema.objek([
                "kode": Skema.teks, "nama": Skema.teks, "jumlah_desa": Skema.bulat, "desa_dibentuk": Skema.bulat,
                "desa_disahkan": Skema.bulat, "desa_belum": Skema.bulat, "status_kim_kecamatan": Skema.teks,
            ], wajib: ["kode", "nama", "jumlah_desa", "desa_dibentuk", "desa_disahkan", "desa_belum"])),
            "desa_tanpa_kim": Skema.daftar(Skema.teks),
            "harian": Skema.daftar(Skema.objek(["tanggal": Skema.teks, "dibentuk": Skema.bulat, "disahkan": Skema.bulat,
                                                "total_dibentuk": Skema.bulat, "total_disahkan": Skema.bulat])),
        ])),
        ("Capaian", Skema.objek(["dibentuk": Skema.bulat, "disahkan": Skema.bulat, "target": Skema.bulat])),
        ("Statistik", Skema.objek([
            "kode_wilayah": Skema.teks,
            "periode": Skema.objek(["dari": Skema.teks, "sampai": Skema.teks]),
            "kim": Skema.objek(["target_kecamatan": Skema.bulat, "target_desa": Skema.bulat, "dibentuk": Skema.bulat,
                                "disahkan": Skema.bulat, "aktif": Skema.bulat]),
            "laporan": Skema.objek([
                "jumlah": Skema.bulat, "per_status": Skema.peta(Skema.bulat), "per_kategori": Skema.peta(Skema.bulat),
                "per_kecamatan": Skema.peta(Skema.bulat),
                "sla": Skema.peta(Skema.objek(["tepat": Skema.bulat, "terlambat": Skema.bulat, "berjalan": Skema.bulat,
                                               "persen": Skema.bulat], wajib: ["tepat", "terlambat", "berjalan"])),
                "median_hari_verifikasi": Skema.angka,
            ], wajib: ["jumlah", "per_status", "per_kategori", "per_kecamatan", "sla"]),
            "diseminasi": Skema.objek(["materi": Skema.bulat, "sasaran": Skema.bulat, "disebarkan": Skema.bulat,
                                       "persen": Skema.bulat, "jangkauan": Skema.bulat]),
            "kim_teraktif": Skema.daftar(Skema.objek(["id": Skema.uuid, "nama": Skema.teks, "jumlah": Skema.bulat])),
        ])),
    ]

    // MARK: Request bodies

    static let isianPengurus = Skema.isian([
        "nama": Skema.teks, "jabatan": Skema.pilihan(Jabatan.self), "keterangan": Skema.teks, "jenis_kelamin": Skema.teks,
        "nomor_hp": Skema.teks, "email": Skema.teks, "tahun_lahir": Skema.bulat,
        "masa_bakti_mulai": Skema.tanggal, "masa_bakti_selesai": Skema.tanggal,
    ])

    static let isianKim = Skema.isian([
        "nama": Skema.teks, "tingkat": Skema.pilihan(TingkatKim.self), "kode_wilayah": Skema.teks, "alamat": Skema.teks,
        "email": Skema.teks, "telepon": Skema.teks, "tanggal_pembentukan": Skema.tanggal, "tempat_pembentukan": Skema.teks,
        "jumlah_hadir": Skema.bulat, "fokus": Skema.daftar(Skema.teks), "pengurus": Skema.daftar(isianPengurus),
        "versi": Skema.bulat,
    ])

    static let isianLaporan = Skema.isian([
        "kategori": Skema.teks, "judul": Skema.teks, "isi": Skema.teks, "kode_wilayah": Skema.teks,
        "lat": Skema.angka, "lon": Skema.angka, "alamat": Skema.teks, "waktu_kejadian": Skema.waktu,
        "sumber": Skema.teks, "kerahasiaan": Skema.pilihan(Kerahasiaan.self),
        "jawaban": Skema.peta(["oneOf": [Skema.teks, Skema.daftar(Skema.teks)]]),
    ])

    static let isianKegiatan = Skema.isian([
        "kim_id": Skema.uuid, "jenis": Skema.pilihan(JenisKegiatan.self), "tanggal": Skema.tanggal, "tempat": Skema.teks,
        "uraian": Skema.teks, "peserta": Skema.bulat,
    ])

    static func json(_ s: NilaiJSON) -> [(String, NilaiJSON)] { [("application/json", s)] }

    static let daftarBerkas: NilaiJSON = ["type": "array", "items": ["type": "string", "contentMediaType": "application/octet-stream"]]

    /// A JSON body, or a form with files under `nama[]` and the fields only a form has.
    static func jsonAtauBerkas(_ s: NilaiJSON, berkas nama: String, formulir: [(String, NilaiJSON)] = []) -> [(String, NilaiJSON)] {
        let sifat = ([(nama, daftarBerkas)] + formulir).reduce(s["properties"] ?? [:]) { $0.dengan($1.0, $1.1) }
        return json(s) + [("multipart/form-data", s.dengan("properties", sifat))]
    }

    // MARK: Operations

    static let operasi: [OperasiAPI] = [
        // Akun
        .init(metode: .POST, jalur: "/api/v1/token", kelompok: "Akun", ringkasan: "Masuk dan terima token API",
              akses: .kredensial, badan: json(Skema.isian(["username": Skema.teks, "password": Skema.teks], wajib: ["username", "password"])),
              status: 201, jawaban: Skema.ref("Token"), galatLain: [429]),
        .init(metode: .GET, jalur: "/api/v1/saya", kelompok: "Akun", ringkasan: "Pengguna pemilik token", jawaban: Skema.ref("Pengguna")),
        .init(metode: .GET, jalur: "/api/v1/saya/nomor", kelompok: "Akun", ringkasan: "Nomor HP pengurus KIM untuk WhatsApp/SMS",
              jawaban: Skema.halaman("NomorKanal")),
        .init(metode: .POST, jalur: "/api/v1/saya/nomor", kelompok: "Akun",
              ringkasan: "Minta kode untuk menghubungkan nomor: kirim DAFTAR <kode> dari nomor itu lewat WhatsApp/SMS (kode hanya ditampilkan sekali)",
              badan: json(Skema.isian(["nomor": Skema.teks], wajib: ["nomor"])), status: 201, jawaban: Skema.ref("NomorKanal")),
        .init(metode: .DELETE, jalur: "/api/v1/saya/nomor/{nomor}", kelompok: "Akun", ringkasan: "Lepas nomor dari akun", status: 204),
        .init(metode: .GET, jalur: "/api/v1/saya/token", kelompok: "Akun", ringkasan: "Token milik pengguna ini (cabut dengan DELETE /api/v1/token/{token})",
              jawaban: Skema.halaman("TokenInfo")),
        .init(metode: .GET, jalur: "/api/v1/pengguna", kelompok: "Akun", ringkasan: "Daftar pengguna dalam cakupan",
              query: [.init(nama: "peran", keterangan: "Saring menurut peran.", skema: Skema.pilihan(Peran.self))] + jalurQueryHalaman,
              jawaban: Skema.halaman("Pengguna")),
        .init(metode: .POST, jalur: "/api/v1/pengguna", kelompok: "Akun", ringkasan: "Buat pengguna",
              badan: json(Skema.isian(["username": Skema.teks, "nama": Skema.teks, "kata_sandi": Skema.teks,
                                       "peran": Skema.pilihan(Peran.self), "kode_wilayah": Skema.teks, "kode_opd": Skema.teks,
                                       "kim_id": Skema.uuid])),
              status: 201, jawaban: Skema.ref("Pengguna"), galatLain: [409]),
        .init(metode: .GET, jalur: "/api/v1/pengguna/{id}", kelompok: "Akun", ringkasan: "Satu pengguna", jawaban: Skema.ref("Pengguna")),
        .init(metode: .PATCH, jalur: "/api/v1/pengguna/{id}", kelompok: "Akun", ringkasan: "Ubah peran, wilayah atau status pengguna",
              badan: json(Skema.isian(["nama": Skema.teks, "peran": Skema.pilihan(Peran.self), "kode_wilayah": Skema.teks,
                                       "kode_opd": Skema.teks, "kim_id": Skema.uuid, "aktif": Skema.logika])),
              jawaban: Skema.ref("Pengguna")),
        .init(metode: .POST, jalur: "/api/v1/pengguna/{id}/kata-sandi", kelompok: "Akun", ringkasan: "Setel kata sandi pengguna",
              badan: json(Skema.isian(["kata_sandi": Skema.teks], wajib: ["kata_sandi"])), status: 204),
        .init(metode: .GET, jalur: "/api/v1/pengguna/{id}/token", kelompok: "Akun", ringkasan: "Token API milik pengguna",
              jawaban: Skema.halaman("TokenInfo")),
        .init(metode: .POST, jalur: "/api/v1/pengguna/{id}/token", kelompok: "Akun", ringkasan: "Terbitkan token API (ditampilkan sekali)",
              badan: json(Skema.isian(["nama": Skema.teks])), status: 201, jawaban: Skema.ref("TokenBaru")),
        .init(metode: .DELETE, jalur: "/api/v1/token/{token}", kelompok: "Akun", ringkasan: "Cabut token API", status: 204),

        // Wilayah & OPD
        .init(metode: .GET, jalur: "/api/v1/wilayah", kelompok: "Wilayah", ringkasan: "Kabupaten, kecamatan dan desa",
              akses: .publik,
              query: [.init(nama: "tingkat", keterangan: "kabupaten, kecamatan atau desa.", skema: Skema.pilihan(Tingkat.self)),
                      .init(nama: "induk", keterangan: "Hanya anak dari kode ini.")] + jalurQueryHalaman,
              jawaban: Skema.halaman("Wilayah"), galatLain: [404]),
        .init(metode: .GET, jalur: "/api/v1/wilayah/{kode}", kelompok: "Wilayah", ringkasan: "Satu wilayah menurut kode Kemendagri",
              akses: .publik, jawaban: Skema.ref("Wilayah")),
        .init(metode: .GET, jalur: "/api/v1/opd", kelompok: "Wilayah", ringkasan: "Daftar OPD", query: jalurQueryHalaman,
              jawaban: Skema.halaman("OPD")),
        .init(metode: .POST, jalur: "/api/v1/opd", kelompok: "Wilayah", ringkasan: "Tambah OPD",
              badan: json(Skema.isian(["kode": Skema.teks, "nama": Skema.teks], wajib: ["kode", "nama"])),
              status: 201, jawaban: Skema.ref("OPD"), galatLain: [409]),
        .init(metode: .PATCH, jalur: "/api/v1/opd/{kode}", kelompok: "Wilayah", ringkasan: "Ubah nama atau status OPD",
              badan: json(Skema.isian(["nama": Skema.teks, "aktif": Skema.logika])), jawaban: Skema.ref("OPD")),

        // KIM
        .init(metode: .GET, jalur: "/api/v1/kim", kelompok: "KIM", ringkasan: "Daftar KIM (publik: direktori KIM aktif)",
              akses: .publik,
              query: [.init(nama: "status", keterangan: "Status KIM.", skema: Skema.pilihan(StatusKim.self)),
                      .init(nama: "tingkat", keterangan: "desa atau kecamatan.", skema: Skema.pilihan(TingkatKim.self)),
                      kodeWilayah] + jalurQueryHalaman,
              jawaban: Skema.halaman("Kim")),
        .init(metode: .POST, jalur: "/api/v1/kim", kelompok: "KIM", ringkasan: "Daftarkan KIM (boleh sekaligus pengurusnya)",
              badan: json(isianKim), status: 201, jawaban: Skema.ref("Kim"), galatLain: [404, 409]),
        .init(metode: .POST, jalur: "/api/v1/impor/kim", kelompok: "KIM", ringkasan: "Impor KIM dari CSV (semua atau tidak sama sekali)",
              query: [.init(nama: "pratinjau", keterangan: "true: hanya periksa.", skema: Skema.logika)],
              badan: [("text/csv", Skema.teks)], status: 201, jawaban: Skema.ref("HasilImpor"),
              jawabanLain: [.init(status: 200, keterangan: "Hasil pratinjau", skema: Skema.ref("HasilImpor")),
                            .init(status: 422, keterangan: "Ada baris yang salah (tidak ada yang disimpan), atau berkas tidak terbaca",
                                  skema: ["anyOf": [Skema.ref("HasilImpor"), Skema.ref("Kesalahan")]])]),
        .init(metode: .GET, jalur: "/api/v1/kim/{kim}", kelompok: "KIM", ringkasan: "Satu KIM dengan pengurusnya", jawaban: Skema.ref("Kim")),
        .init(metode: .PATCH, jalur: "/api/v1/kim/{kim}", kelompok: "KIM", ringkasan: "Ubah data KIM",
              badan: json(isianKim), jawaban: Skema.ref("Kim"), galatLain: [409]),
        .init(metode: .GET, jalur: "/api/v1/kim/{kim}/pengurus", kelompok: "KIM", ringkasan: "Pengurus KIM",
              jawaban: Skema.halaman("Pengurus")),
        .init(metode: .POST, jalur: "/api/v1/kim/{kim}/pengurus", kelompok: "KIM", ringkasan: "Tambah pengurus",
              badan: json(isianPengurus), status: 201, jawaban: Skema.ref("Pengurus"), galatLain: [409]),
        .init(metode: .PATCH, jalur: "/api/v1/kim/{kim}/pengurus/{pengurus}", kelompok: "KIM", ringkasan: "Ubah pengurus",
              badan: json(isianPengurus), jawaban: Skema.ref("Pengurus"), galatLain: [409]),
        .init(metode: .DELETE, jalur: "/api/v1/kim/{kim}/pengurus/{pengurus}", kelompok: "KIM", ringkasan: "Hapus pengurus",
              status: 204, galatLain: [409, 422]),
        .init(metode: .GET, jalur: "/api/v1/kim/{kim}/transisi", kelompok: "KIM", ringkasan: "Riwayat status dan pengesahan KIM",
              jawaban: Skema.halaman("TransisiKim")),
        .init(metode: .POST, jalur: "/api/v1/kim/{kim}/transisi", kelompok: "KIM",
              ringkasan: "Ajukan, sahkan, tolak, bekukan KIM; dengan versi, hanya bila KIM masih pada versi itu (409 bila sudah berubah)",
              badan: json(Skema.isian(["ke": Skema.pilihan(StatusKim.self), "catatan": Skema.teks, "nomor_sk": Skema.teks,
                                       "tanggal_sk": Skema.tanggal, "versi": Skema.bulat], wajib: ["ke"])),
              jawaban: Skema.ref("Kim"), galatLain: [409]),
        .init(metode: .GET, jalur: "/api/v1/kegiatan", kelompok: "KIM", ringkasan: "Kegiatan KIM dalam cakupan",
              query: [.init(nama: "kim_id", keterangan: "Hanya kegiatan KIM ini.", skema: Skema.uuid)] + jalurQueryHalaman,
              jawaban: Skema.halaman("Kegiatan"), galatLain: [404]),
        .init(metode: .POST, jalur: "/api/v1/kegiatan", kelompok: "KIM",
              ringkasan: "Catat kegiatan (JSON atau formulir dengan foto[]); header Idempotency-Key membuat pengiriman ulang aman (200 + Idempotent-Replayed)",
              badan: jsonAtauBerkas(isianKegiatan, berkas: "foto"), status: 201, jawaban: Skema.ref("Kegiatan"), galatLain: [404],
              jawabanLain: [.init(status: 200, keterangan: "Pengiriman ulang dengan Idempotency-Key yang sama", skema: Skema.ref("Kegiatan"))]),

        // Laporan
        .init(metode: .GET, jalur: "/api/v1/kategori", kelompok: "Laporan", ringkasan: "Kategori laporan dan pertanyaan tambahannya",
              akses: .publik, jawaban: Skema.halaman("Kategori")),
        .init(metode: .GET, jalur: "/api/v1/laporan", kelompok: "Laporan",
              ringkasan: "Daftar laporan dalam cakupan (publik: yang terverifikasi dan dipublikasikan)", akses: .publik,
              query: [.init(nama: "status", keterangan: "Status laporan, atau menunggu_konfirmasi_kedua.",
                            skema: ["type": "string", "enum": .daftar(StatusLaporan.allCases.map { .teks($0.rawValue) } + ["menunggu_konfirmasi_kedua"])]),
                      .init(nama: "kategori", keterangan: "Kode kategori."), kodeWilayah,
                      .init(nama: "dari", keterangan: "Masuk sejak tanggal ini (TTTT-BB-HH).", skema: Skema.tanggal),
                      .init(nama: "sampai", keterangan: "Masuk sampai tanggal ini (TTTT-BB-HH).", skema: Skema.tanggal),
                      .init(nama: "q", keterangan: "Cari di judul, isi dan nomor.")] + jalurQueryHalaman,
              jawaban: Skema.halaman("Laporan")),
        .init(metode: .POST, jalur: "/api/v1/laporan", kelompok: "Laporan",
              ringkasan: "Kirim laporan; header Idempotency-Key membuat pengiriman ulang aman (200 + Idempotent-Replayed); aplikasi ponsel mengirim X-SIKIM-Kanal: aplikasi dan X-SIKIM-Ditulis (ISO 8601)",
              badan: jsonAtauBerkas(isianLaporan, berkas: "foto", formulir: [
                  // "<posisi foto>:<SHA-256 foto penuhnya>": the photo at that position is a preview (`FotoMenyusul`)
                  ("foto_menyusul", Skema.daftar(["type": "string", "pattern": "^[0-9]+:[0-9a-f]{64}$"])),
              ]), status: 201, jawaban: Skema.ref("Laporan"),
              jawabanLain: [.init(status: 200, keterangan: "Pengiriman ulang dengan Idempotency-Key yang sama", skema: Skema.ref("Laporan"))]),
        .init(metode: .POST, jalur: "/api/v1/laporan/{laporan}/foto-penuh", kelompok: "Laporan",
              ringkasan: "Foto penuh yang menyusul pratinjaunya (aplikasi ponsel di jaringan lambat): hanya dari pelapor, hanya foto yang SHA-256-nya dijanjikan lewat foto_menyusul saat laporan dikirim; foto yang sama dikirim lagi dijawab sama (204 + Idempotent-Replayed)",
              badan: [("multipart/form-data", Skema.isian(["foto": daftarBerkas], wajib: ["foto"]))], status: 204, galatLain: [404]),
        .init(metode: .GET, jalur: "/api/v1/laporan/{laporan}", kelompok: "Laporan", ringkasan: "Satu laporan",
              akses: .publik, jawaban: Skema.ref("Laporan")),
        .init(metode: .GET, jalur: "/api/v1/laporan/{laporan}/riwayat", kelompok: "Laporan",
              ringkasan: "Riwayat tindakan atas laporan (hanya dalam cakupan pengguna; riwayat tidak untuk publik)",
              jawaban: Skema.halaman("Peristiwa"), galatLain: [404]),
        .init(metode: .POST, jalur: "/api/v1/laporan/{laporan}/transisi", kelompok: "Laporan",
              ringkasan: "Verifikasi, teruskan ke OPD, tindak lanjut, selesaikan (JSON atau formulir dengan lampiran[]); dengan versi, hanya bila laporan masih pada versi itu (409 bila sudah berubah)",
              badan: jsonAtauBerkas(Skema.isian([
                  "ke": Skema.teks, "catatan": Skema.teks, "metode": Skema.pilihan(MetodeVerifikasi.self),
                  "alasan": Skema.pilihan(AlasanTidakValid.self), "opd": Skema.daftar(Skema.teks), "versi": Skema.bulat,
              ], wajib: ["ke"]), berkas: "lampiran"),
              jawaban: Skema.ref("Laporan"), galatLain: [409]),

        // Diseminasi
        .init(metode: .GET, jalur: "/api/v1/diseminasi", kelompok: "Diseminasi", ringkasan: "Materi diseminasi (100 terbaru)",
              jawaban: Skema.halaman("Materi")),
        .init(metode: .POST, jalur: "/api/v1/diseminasi", kelompok: "Diseminasi", ringkasan: "Terbitkan materi ke KIM sasaran",
              badan: json(Skema.isian([
                  "judul": Skema.teks, "ringkasan": Skema.teks, "isi": Skema.teks, "jenis": Skema.pilihan(JenisMateri.self),
                  "batas_waktu": Skema.tanggal, "sasaran": ["type": "string", "enum": ["semua", "kecamatan", "kim"]],
                  "kecamatan": Skema.daftar(Skema.teks), "kim": Skema.daftar(Skema.uuid),
                  // optional: the count the publisher saw; another count refuses (422) rather than surprise
                  "jumlah_sasaran": Skema.bulat,
              ])),
              status: 201, jawaban: Skema.ref("Materi")),
        .init(metode: .GET, jalur: "/api/v1/diseminasi/{materi}", kelompok: "Diseminasi", ringkasan: "Satu materi dengan cakupannya",
              jawaban: Skema.ref("Materi")),
        .init(metode: .POST, jalur: "/api/v1/diseminasi/{materi}/laporan", kelompok: "Diseminasi",
              ringkasan: "KIM melaporkan penyebaran materi; laporan yang sama dikirim ulang dengan Idempotency-Key tidak mengubah apa pun",
              badan: json(Skema.isian(["saluran": Skema.daftar(Skema.teks), "tanggal": Skema.tanggal, "jangkauan": Skema.bulat,
                                       "catatan": Skema.teks])),
              jawaban: Skema.ref("Materi"), galatLain: [409]),

        // WhatsApp and SMS (issue 21): the gateways' webhooks, off (404) unless configured
        .init(metode: .GET, jalur: "/api/v1/kanal/whatsapp", kelompok: "Kanal",
              ringkasan: "Jabat tangan langganan webhook WhatsApp Cloud API: hub.challenge dikembalikan bila hub.verify_token cocok",
              akses: .kredensial,
              query: [.init(nama: "hub.mode", keterangan: "subscribe"), .init(nama: "hub.verify_token", keterangan: "Token verifikasi dari pengaturan."),
                      .init(nama: "hub.challenge", keterangan: "Dikembalikan apa adanya.")],
              galatLain: [404]),
        .init(metode: .POST, jalur: "/api/v1/kanal/whatsapp", kelompok: "Kanal",
              ringkasan: "Webhook pesan WhatsApp Cloud API; X-Hub-Signature-256 wajib sah (401 tanpa menyimpan apa pun), id pesan yang sama tidak diproses dua kali",
              akses: .kredensial, badan: json(["type": "object"]), galatLain: [404]),
        .init(metode: .GET, jalur: "/api/v1/kanal/sms/{rahasia}", kelompok: "Kanal",
              ringkasan: "SMS masuk dari sms-service Kannel (get-url): from, text, id, ts; rahasia di jalur adalah rahasia bersama",
              akses: .kredensial,
              query: [.init(nama: "from", keterangan: "Nomor pengirim."), .init(nama: "text", keterangan: "Isi SMS (gabungan bila multi-bagian)."),
                      .init(nama: "id", keterangan: "Id pesan Kannel."), .init(nama: "ts", keterangan: "Waktu diterima.")]),
        .init(metode: .POST, jalur: "/api/v1/kanal/sms/{rahasia}", kelompok: "Kanal",
              ringkasan: "SMS masuk dari sms-service Kannel (post-url), isian formulir seperti get-url", akses: .kredensial,
              badan: [("application/x-www-form-urlencoded", Skema.isian(["from": Skema.teks, "text": Skema.teks, "id": Skema.teks, "ts": Skema.teks]))]),
        .init(metode: .GET, jalur: "/api/v1/kanal/sms/{rahasia}/dlr", kelompok: "Kanal",
              ringkasan: "Laporan pengiriman (DLR) Kannel untuk pesan yang dikirim SIKIM: 8 atau 1 untuk bagian terakhir menuntaskan kiriman, 16 atau 2 menggagalkannya",
              akses: .kredensial,
              query: [.init(nama: "kiriman", keterangan: "Id kiriman di kotak keluar.", skema: Skema.uuid),
                      .init(nama: "bagian", keterangan: "Bagian ke-i dari n, misalnya 1/2."),
                      .init(nama: "status", keterangan: "Jenis DLR Kannel (%d).", skema: Skema.bulat)]),
        .init(metode: .GET, jalur: "/api/v1/pesan-masuk", kelompok: "Kanal",
              ringkasan: "Pesan warga lewat WhatsApp/SMS yang menunggu triase (hanya Diskominfosatik: memuat nomor pengirim)",
              query: jalurQueryHalaman, jawaban: Skema.halaman("PesanMasuk")),
        .init(metode: .GET, jalur: "/api/v1/pesan-masuk/{pesan}", kelompok: "Kanal", ringkasan: "Satu pesan masuk",
              jawaban: Skema.ref("PesanMasuk")),
        .init(metode: .POST, jalur: "/api/v1/pesan-masuk/{pesan}/laporan", kelompok: "Kanal",
              ringkasan: "Jadikan pesan warga laporan (tetap melewati verifikasi); dengan versi, 409 bila pesan sudah ditangani",
              badan: json(Skema.isian(["laporan": isianLaporan, "versi": Skema.bulat], wajib: ["laporan"])), status: 201,
              jawaban: Skema.ref("Laporan"), galatLain: [409]),
        .init(metode: .POST, jalur: "/api/v1/pesan-masuk/{pesan}/abaikan", kelompok: "Kanal",
              ringkasan: "Abaikan pesan warga dengan alasan (dikirim kepada pengirim, kecuali spam)",
              badan: json(Skema.isian(["alasan": Skema.pilihan(AlasanAbaikanPesan.self), "versi": Skema.bulat], wajib: ["alasan"])), status: 204,
              galatLain: [409]),
        .init(metode: .GET, jalur: "/api/v1/kanal/kiriman", kelompok: "Kanal",
              ringkasan: "Kotak keluar WhatsApp/SMS: 100 terbaru, atau yang gagal (status=gagal)",
              query: [.init(nama: "status", keterangan: "gagal: hanya yang gagal atau tidak pasti.")], jawaban: Skema.halaman("KirimanKanal")),

        // Statistik
        .init(metode: .GET, jalur: "/api/v1/statistik", kelompok: "Statistik", ringkasan: "Angka dasbor untuk wilayah dan periode",
              query: [.init(nama: "dari", keterangan: "Awal periode (TTTT-BB-HH), bawaan 30 hari terakhir.", skema: Skema.tanggal),
                      .init(nama: "sampai", keterangan: "Akhir periode (TTTT-BB-HH), bawaan hari ini.", skema: Skema.tanggal)],
              jawaban: Skema.ref("Statistik")),
        .init(metode: .GET, jalur: "/api/v1/statistik/pembentukan", kelompok: "Statistik",
              ringkasan: "Capaian pembentukan dan pengesahan KIM per kecamatan", jawaban: Skema.ref("StatistikPembentukan")),
    ]

    // MARK: Document

    static func dokumen(versi: String = "1.0.0", daerah: Daerah = .serang) -> NilaiJSON {
        var jalur: [(String, NilaiJSON)] = []
        for op in operasi {
            let isi = Self.operasi(op)
            if let i = jalur.firstIndex(where: { $0.0 == op.jalur }) {
                jalur[i].1 = jalur[i].1.dengan(op.metode.rawValue.lowercased(), isi)
            } else {
                jalur.append((op.jalur, .objek([(op.metode.rawValue.lowercased(), isi)])))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "SIKIM API", "version": .teks(versi),
                     "description": .teks("API Sistem Informasi Kelompok Informasi Masyarakat \(daerah.nama). Semua pesan dalam Bahasa Indonesia; waktu dalam WIB (ISO 8601).")],
            "servers": [["url": "/"]],
            "paths": .objek(jalur),
            "components": [
                "schemas": .objek(skemaKomponen),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer",
                                               "description": "Token dari POST /api/v1/token atau halaman pengguna."]],
            ],
        ]
    }

    private static func operasi(_ op: OperasiAPI) -> NilaiJSON {
        var parameter: [NilaiJSON] = op.parameterJalur.map {
            ["name": .teks($0), "in": "path", "required": true,
             "schema": ["kim", "laporan", "pengurus", "materi", "id", "token", "pesan", "nomor"].contains($0) ? Skema.uuid : Skema.teks]
        }
        parameter += op.query.map { ["name": .teks($0.nama), "in": "query", "required": false, "description": .teks($0.keterangan), "schema": $0.skema] }
        var jawaban: [(String, NilaiJSON)] = [(String(op.status), op.jawaban.map {
            ["description": "Berhasil", "content": ["application/json": ["schema": $0]]]
        } ?? ["description": "Berhasil, tanpa isi"])]
        let lain = op.jawabanLain.map { ($0.status, $0.keterangan, $0.skema) }
            + op.statusGalat.map { ($0, HTTPResponseStatus(statusCode: $0).reasonPhrase, Skema.ref("Kesalahan")) }
        for (status, keterangan, skema) in lain.sorted(by: { $0.0 < $1.0 }) {
            jawaban.append((String(status), ["description": .teks(keterangan), "content": ["application/json": ["schema": skema]]]))
        }
        var isi: NilaiJSON = [
            "operationId": .teks(op.metode.rawValue.lowercased() + op.jalur.replacingOccurrences(of: "/api/v1", with: "")
                .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").replacingOccurrences(of: "/", with: "_")),
            "tags": [.teks(op.kelompok)],
            "summary": .teks(op.ringkasan),
            "parameters": .daftar(parameter),
            "responses": .objek(jawaban),
        ]
        switch op.akses {
        case .publik: isi = isi.dengan("security", [[:], ["bearer": []]])
        case .masuk: isi = isi.dengan("security", [["bearer": []]])
        case .kredensial: isi = isi.dengan("security", [])
        }
        if !op.badan.isEmpty {
            isi = isi.dengan("requestBody", ["required": true, "content": .objek(op.badan.map { ($0.0, ["schema": $0.1]) })])
        }
        return isi
    }
}
