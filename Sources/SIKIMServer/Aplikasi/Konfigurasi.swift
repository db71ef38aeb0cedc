import SIKIMCore
import SIKIMData
import Foundation
import Vapor

/// Settings read once from the environment; everything else receives them as a value.
public struct Konfigurasi: Sendable {
    public var direktoriData: String
    public var databaseURL: String?
    public var kataSandiAdmin: String?
    /// Set the session cookie's `Secure` flag (when SIKIM is served over HTTPS).
    public var cookieAman: Bool
    /// Idle time after which a browser session ends.
    public var umurSesi: TimeInterval
    /// bcrypt cost; lower only in tests.
    public var biayaBcrypt: Int
    /// Start a new SQLite database even in a data directory that holds uploads but no database
    /// (`Penyimpanan.periksaSebelumMembuat`).
    public var izinkanBasisDataBaru: Bool
    /// The kabupaten or kota served, read by code and templates alike.
    public var daerah: Daerah
    /// Its regions, shipped in `Resources/Data` and loaded at every start.
    public var berkasWilayah: String
    /// WhatsApp and SMS (issue 21); off unless configured.
    public var kanal: KonfigurasiKanal = .mati

    public init(direktoriData: String, databaseURL: String? = nil, kataSandiAdmin: String? = nil,
                cookieAman: Bool = false, umurSesi: TimeInterval = 12 * 3600, biayaBcrypt: Int = 12,
                izinkanBasisDataBaru: Bool = false, daerah: Daerah = .serang, berkasWilayah: String = "wilayah-serang.csv") {
        self.direktoriData = direktoriData
        self.databaseURL = databaseURL
        self.kataSandiAdmin = kataSandiAdmin
        self.cookieAman = cookieAman
        self.umurSesi = umurSesi
        self.biayaBcrypt = biayaBcrypt
        self.izinkanBasisDataBaru = izinkanBasisDataBaru
        self.daerah = daerah
        self.berkasWilayah = berkasWilayah
    }

    public static func dariLingkungan(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Konfigurasi {
        func isi(_ k: String) -> String? { env[k].flatMap { $0.isEmpty ? nil : $0 } }
        let dir = isi("SIKIM_DATA_DIR") ?? "data"
        let absolut = dir.hasPrefix("/") ? dir : FileManager.default.currentDirectoryPath + "/" + dir
        var k = Konfigurasi(
            direktoriData: absolut,
            databaseURL: isi("DATABASE_URL"),
            kataSandiAdmin: isi("SIKIM_ADMIN_PASSWORD"),
            cookieAman: isi("SIKIM_PUBLIC_URL")?.lowercased().hasPrefix("https://") ?? false,
            umurSesi: isi("SIKIM_SESI_JAM").flatMap(Double.init).map { $0 * 3600 } ?? 12 * 3600,
            izinkanBasisDataBaru: ["ya", "1", "true"].contains(isi("SIKIM_BASIS_DATA_BARU")?.lowercased() ?? "")
        )
        k.kanal = .dariLingkungan(env)
        return k
    }

    public var jenisBasisData: String { databaseURL == nil ? "sqlite" : "postgresql" }
    public var berkasSQLite: String { direktoriData + "/sikim.sqlite" }
}

/// Paths of the files shipped inside the package, so the binary runs from any directory.
enum Sumber {
    static var akar: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)!
    }
    static var views: String { akar.appendingPathComponent("Views").path + "/" }
    static var publik: String { akar.appendingPathComponent("Public").path + "/" }
    static func data(_ nama: String) -> URL { akar.appendingPathComponent("Data").appendingPathComponent(nama) }
}

extension Request {
    var sekarang: Date { application.jam.sekarang() }
}
