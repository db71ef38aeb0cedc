import Fluent
import SIKIMCore
import Vapor

/// The formation dashboard: how far KIM formation has come, for the whole kabupaten or
/// (for operators) their own area. The same figures are served as JSON.
struct DasborController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dasbor", use: halaman)
        routes.get("api", "v1", "statistik", "pembentukan", use: api)
    }

    /// Loads the area's regions, KIMs and lifecycle log and lets the core count.
    static func rekap(_ req: Request) async throws -> (RekapPembentukan, KodeWilayah?) {
        try req.wajib(.lihatDasborPembentukan)
        var area: KodeWilayah?
        if case .wilayah(let k) = Kebijakan.cakupanKim(req.aktor) { area = k }
        let qw = WilayahModel.query(on: req.db).filter(\.$tingkat != Tingkat.kabupaten.rawValue)
        let qk = KimModel.query(on: req.db)
        if let area {
            qw.group(.or) { $0.filter(\.$id == area.nilai).filter(\.$id =~ (area.nilai + ".")) }
            qk.group(.or) { $0.filter(\.$kodeWilayah == area.nilai).filter(\.$kodeWilayah =~ (area.nilai + ".")) }
        }
        let wilayah = try await qw.all().map(\.domain)
        let kim = try await qk.all()
        let peristiwa = kim.isEmpty ? [] : try await TransisiKimModel.query(on: req.db)
            .filter(\.$kim.$id ~~ kim.compactMap(\.id)).filter(\.$ke ~~ [StatusKim.diajukan.rawValue, StatusKim.aktif.rawValue]).all()
        let hasil = RekapPembentukan.hitung(
            wilayah: wilayah,
            kim: kim.map { .init(wilayah: $0.wilayah, status: $0.statusKim) },
            peristiwa: peristiwa.compactMap { t in
                guard let tanggal = Tanggal(iso: t.tanggal), let ke = StatusKim(rawValue: t.ke) else { return nil }
                return .init(kim: t.$kim.id.uuidString, tanggal: tanggal, ke: ke)
            })
        return (hasil, area)
    }

    // MARK: JSON

    struct StatistikDTO: Content {
        struct Capaian: Content { let dibentuk: Int; let disahkan: Int; let target: Int }
        struct Kecamatan: Content {
            let kode: String, nama: String, jumlahDesa: Int, desaDibentuk: Int, desaDisahkan: Int, desaBelum: Int
            let statusKimKecamatan: String?
        }
        struct Hari: Content { let tanggal: String, dibentuk: Int, disahkan: Int, totalDibentuk: Int, totalDisahkan: Int }
        let kodeWilayah: String
        let kimKecamatan: Capaian
        let kimDesa: Capaian
        let perStatus: [String: Int]
        let perKecamatan: [Kecamatan]
        let desaTanpaKim: [String]
        let harian: [Hari]
    }

    @Sendable func api(req: Request) async throws -> StatistikDTO {
        let (r, area) = try await Self.rekap(req)
        return StatistikDTO(
            kodeWilayah: area?.nilai ?? "36.04",
            kimKecamatan: .init(dibentuk: r.kimKecamatanDibentuk, disahkan: r.kimKecamatanDisahkan, target: r.targetKecamatan),
            kimDesa: .init(dibentuk: r.kimDesaDibentuk, disahkan: r.kimDesaDisahkan, target: r.targetDesa),
            perStatus: Dictionary(uniqueKeysWithValues: StatusKim.allCases.map { ($0.rawValue, r.perStatus[$0] ?? 0) }),
            perKecamatan: r.perKecamatan.map {
                .init(kode: $0.kode.nilai, nama: $0.nama, jumlahDesa: $0.jumlahDesa, desaDibentuk: $0.desaDibentuk,
                      desaDisahkan: $0.desaDisahkan, desaBelum: $0.desaBelum, statusKimKecamatan: $0.statusKimKecamatan?.rawValue)
            },
            desaTanpaKim: r.desaTanpaKim.map(\.kode.nilai),
            harian: r.harian.map { .init(tanggal: $0.tanggal.iso, dibentuk: $0.dibentuk, disahkan: $0.disahkan,
                                         totalDibentuk: $0.totalDibentuk, totalDisahkan: $0.totalDisahkan) })
    }

    // MARK: Page

    struct Kartu: Encodable { let judul: String; let nilai: Int; let target: Int; let id: String }
    struct BarisStatus: Encodable { let status: String; let label: String; let jumlah: Int }
    struct BarisKecamatan: Encodable {
        let kode: String, nama: String, jumlahDesa: Int, desaDibentuk: Int, desaDisahkan: Int, desaBelum: Int
        let kimKecamatan: String, batang: String
    }
    struct BarisHari: Encodable { let tanggal: String; let dibentuk: Int; let disahkan: Int; let totalDibentuk: Int; let totalDisahkan: Int }
    struct DesaTanpa: Encodable { let kode: String; let nama: String; let kecamatan: String }

    struct Konteks: Encodable {
        let tata: Tata
        let judulArea: String
        let hariIni: String
        let kartu: [Kartu]
        let perStatus: [BarisStatus]
        let perKecamatan: [BarisKecamatan]
        let adaKecamatan: Bool
        let peta: String?
        let grafik: String?
        let harian: [BarisHari]
        let desaTanpaKim: [DesaTanpa]
        let jumlahTanpaKim: Int
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        let (r, area) = try await Self.rekap(req)
        var namaArea = "Kabupaten Serang"
        if let area { namaArea = try await NamaWilayah.untuk([area.nilai], db: req.db)[area.nilai] ?? area.nilai }
        let namaKec = Dictionary(uniqueKeysWithValues: r.perKecamatan.map { ($0.kode, $0.nama) })
        var kartu: [Kartu] = []
        if r.targetKecamatan > 0 {
            kartu += [Kartu(judul: "KIM kecamatan dibentuk", nilai: r.kimKecamatanDibentuk, target: r.targetKecamatan, id: "kec-dibentuk"),
                      Kartu(judul: "KIM kecamatan disahkan", nilai: r.kimKecamatanDisahkan, target: r.targetKecamatan, id: "kec-disahkan")]
        }
        kartu += [Kartu(judul: "KIM desa dibentuk", nilai: r.kimDesaDibentuk, target: r.targetDesa, id: "desa-dibentuk"),
                  Kartu(judul: "KIM desa disahkan", nilai: r.kimDesaDisahkan, target: r.targetDesa, id: "desa-disahkan")]
        let kelas = Dictionary(uniqueKeysWithValues: r.perKecamatan.map { ($0.kode.nilai, RekapPembentukan.kelasCakupan($0.cakupan)) })
        let ket = Dictionary(uniqueKeysWithValues: r.perKecamatan.map {
            ($0.kode.nilai, "\($0.desaDibentuk) dari \($0.jumlahDesa) desa memiliki KIM (\(Int(($0.cakupan * 100).rounded()))%)")
        })
        let peta = r.perKecamatan.count > 1
            ? req.application.petaKecamatan.svg(judul: "Peta cakupan pembentukan KIM desa per kecamatan", kelas: kelas, keterangan: ket)
            : nil
        let grafik = r.harian.isEmpty ? nil : SVG.grafikGaris(
            judul: "Jumlah KIM dibentuk dan disahkan per hari (kumulatif)",
            tanggal: r.harian.map { TanggalIndonesia.panjang($0.tanggal).split(separator: ",").last!.trimmingCharacters(in: .whitespaces) },
            seri: [("KIM dibentuk", "#3f7fbf", r.harian.map(\.totalDibentuk)), ("KIM disahkan", "#1e6b3a", r.harian.map(\.totalDisahkan))])
        return try await req.halaman("dasbor", Konteks(
            tata: req.tata("Dasbor pembentukan KIM"), judulArea: namaArea, hariIni: TanggalIndonesia.panjang(req.sekarang),
            kartu: kartu,
            perStatus: StatusKim.allCases.map { BarisStatus(status: $0.rawValue, label: $0.label, jumlah: r.perStatus[$0] ?? 0) },
            perKecamatan: r.perKecamatan.map {
                BarisKecamatan(kode: $0.kode.nilai, nama: $0.nama, jumlahDesa: $0.jumlahDesa, desaDibentuk: $0.desaDibentuk,
                               desaDisahkan: $0.desaDisahkan, desaBelum: $0.desaBelum,
                               kimKecamatan: $0.statusKimKecamatan?.label ?? "Belum ada",
                               batang: SVG.batang(disahkan: $0.desaDisahkan, dibentuk: $0.desaDibentuk, total: $0.jumlahDesa,
                                                  label: "\($0.nama): \($0.desaDisahkan) disahkan, \($0.desaDibentuk) dibentuk dari \($0.jumlahDesa) desa"))
            },
            adaKecamatan: !r.perKecamatan.isEmpty, peta: peta, grafik: grafik,
            harian: r.harian.map { BarisHari(tanggal: TanggalIndonesia.panjang($0.tanggal), dibentuk: $0.dibentuk, disahkan: $0.disahkan,
                                             totalDibentuk: $0.totalDibentuk, totalDisahkan: $0.totalDisahkan) },
            desaTanpaKim: r.desaTanpaKim.map { DesaTanpa(kode: $0.kode.nilai, nama: $0.nama, kecamatan: $0.kode.induk.flatMap { namaKec[$0] } ?? "") },
            jumlahTanpaKim: r.desaTanpaKim.count))
    }
}

extension Application {
    private struct PetaKey: StorageKey { typealias Value = PetaKecamatan }

    /// Projected once at start-up: the geometry never changes while serving.
    var petaKecamatan: PetaKecamatan {
        get { storage[PetaKey.self]! }
        set { storage[PetaKey.self] = newValue }
    }
}
