import SIKIMData
import ConsoleKitTerminal
import Fluent
import Foundation
import SIKIMCore
import Vapor

/// A command failure with an Indonesian message for the console.
public struct KesalahanPerintah: Error, CustomStringConvertible {
    public let description: String
    init(_ pesan: String) { description = pesan }

    init(_ e: KesalahanIsian) {
        description = e.butir.map(\.pesan).joined(separator: "\n")
    }
}

/// Registers SIKIM's commands next to Vapor's own.
public func daftarkanPerintah(_ app: Application) async {
    app.asyncCommands.use(PerintahServe(dalam: await app.servers.asyncCommand), as: "serve", isDefault: true)
    app.asyncCommands.use(PerintahMigrasi(), as: "migrate")
    app.asyncCommands.use(PerintahPengguna(), as: "user")
    app.asyncCommands.use(PerintahToken(), as: "token")
    app.asyncCommands.use(PerintahAudit(), as: "audit")
    app.asyncCommands.use(PerintahFoto(), as: "foto")
    app.asyncCommands.use(PerintahDemo(), as: "demo")
    app.asyncCommands.use(PerintahCadangan(), as: "backup")
    app.asyncCommands.use(PerintahPulihkan(), as: "restore")
}

/// `serve`: prepares the database and the first admin, then runs Vapor's server command
/// (so `--hostname` and `--port` work as usual).
struct PerintahServe: AnyAsyncCommand {
    let dalam: any AnyAsyncCommand
    var help: String { "Menyiapkan basis data lalu menjalankan server SIKIM." }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let r = try await Persiapan.siapkanBasisData(app)
        if r.wilayahDitambah > 0 { context.console.print("Data wilayah dimuat: \(r.wilayahDitambah) wilayah baru.") }
        if let sandi = try await Persiapan.pastikanAdmin(app) {
            cetakAdminBaru(sandi, console: context.console)
        }
        LayananWebhook.mulai(app)
        PemeriksaBerkala.mulai(app)
        try await dalam.run(using: &context)
    }

    func outputHelp(using context: inout CommandContext) throws { try dalam.outputHelp(using: &context) }
    func outputAutoComplete(using context: inout CommandContext) throws { try dalam.outputAutoComplete(using: &context) }
    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String {
        dalam.renderCompletionFunctions(using: context, shell: shell)
    }
}

func cetakAdminBaru(_ sandi: String, console: any Console) {
    console.print("""
    ================================================================
    Akun admin pertama dibuat.
      Nama pengguna : admin
      Kata sandi    : \(sandi)
    Simpan kata sandi ini sekarang: kata sandi ini tidak akan ditampilkan lagi.
    ================================================================
    """)
    fflush(stdout)
}

struct PerintahMigrasi: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Menjalankan migrasi basis data dan memuat data wilayah (tanpa bertanya)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let r = try await Persiapan.siapkanBasisData(context.application)
        context.console.print("Migrasi selesai. Wilayah ditambah: \(r.wilayahDitambah), diperbarui: \(r.wilayahDiubah).")
    }
}

struct PerintahPengguna: AsyncCommandGroup {
    var help: String { "Mengelola akun pengguna: create, reset-password." }
    var commands: [String: any AnyAsyncCommand] { ["create": BuatPengguna(), "reset-password": SetelUlangKataSandi()] }
}

struct BuatPengguna: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Nama pengguna (huruf kecil, angka, . _ -)") var username: String?
        @Option(name: "password", help: "Kata sandi, minimal 10 karakter") var password: String?
        @Option(name: "role", help: "admin, verifikator, operator_kecamatan, operator_desa, pengurus_kim, opd") var role: String?
        @Option(name: "name", help: "Nama lengkap (bawaan: sama dengan username)") var nama: String?
        @Option(name: "wilayah", help: "Kode kecamatan untuk operator kecamatan, kode desa untuk operator desa") var wilayah: String?
        @Option(name: "opd", help: "Kode OPD untuk petugas OPD") var opd: String?
        @Option(name: "kim", help: "ID KIM untuk pengurus KIM") var kim: String?
    }
    var help: String { "Membuat akun pengguna baru." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let username = s.username, let password = s.password, let role = s.role else {
            throw KesalahanPerintah("--username, --password dan --role wajib diisi.")
        }
        var kim: UUID?
        if let teks = s.kim {
            guard let id = UUID(uuidString: teks) else { throw KesalahanPerintah("--kim harus berupa ID KIM (UUID).") }
            kim = id
        }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        do {
            let m = try await LayananAkun(db: app.db, penyandi: app.penyandi, jam: app.jam)
                .buat(username: username, nama: s.nama ?? username, kataSandi: password, peran: role,
                      kodeWilayah: s.wilayah, kodeOPD: s.opd, kimID: kim)
            context.console.print("Pengguna \(m.username) (\(Peran(rawValue: m.peran)?.label ?? m.peran)) dibuat.")
        } catch let e as KesalahanIsian {
            throw KesalahanPerintah(e)
        }
    }
}

struct SetelUlangKataSandi: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username") var username: String?
        @Option(name: "password", help: "Kata sandi baru, minimal 10 karakter") var password: String?
    }
    var help: String { "Mengganti kata sandi pengguna dan mengakhiri semua sesi serta tokennya." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let username = s.username, let password = s.password else {
            throw KesalahanPerintah("--username dan --password wajib diisi.")
        }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let m = try await cariPengguna(username, db: app.db)
        do {
            try await LayananAkun(db: app.db, penyandi: app.penyandi, jam: app.jam).setelKataSandi(m, password)
        } catch let e as KesalahanIsian {
            throw KesalahanPerintah(e)
        }
        context.console.print("Kata sandi \(m.username) diganti.")
    }
}

struct PerintahToken: AsyncCommandGroup {
    var help: String { "Mengelola token API: create." }
    var commands: [String: any AnyAsyncCommand] { ["create": BuatToken()] }
}

struct BuatToken: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username") var username: String?
        @Option(name: "name", help: "Label token") var nama: String?
    }
    var help: String { "Menerbitkan token API baru untuk seorang pengguna dan mencetaknya sekali." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let username = s.username else { throw KesalahanPerintah("--username wajib diisi.") }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let m = try await cariPengguna(username, db: app.db)
        let (_, token) = try await LayananToken(db: app.db, jam: app.jam).terbitkan(untuk: m, nama: s.nama ?? "Token dari baris perintah")
        context.console.print(token)
    }
}

private func cariPengguna(_ username: String, db: any Database) async throws -> PenggunaModel {
    let u = username.trimmingCharacters(in: .whitespaces).lowercased()
    guard let m = try await PenggunaModel.query(on: db).filter(\.$username == u).first() else {
        throw KesalahanPerintah("Pengguna \(u) tidak ditemukan.")
    }
    return m
}

struct PerintahAudit: AsyncCommandGroup {
    var help: String { "Memeriksa jejak audit: verify." }
    var commands: [String: any AnyAsyncCommand] { ["verify": PeriksaAudit()] }
}

/// Recomputes every laporan's hash chain; exits non-zero and names the laporan whose
/// history was altered in the database.
struct PeriksaAudit: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Memeriksa rantai hash riwayat setiap laporan." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let rusak = try await LayananLaporan(db: app.db, jam: app.jam, direktoriData: app.sikim.direktoriData).periksaAudit()
        let jumlah = try await LaporanModel.query(on: app.db).count()
        guard rusak.isEmpty else {
            throw KesalahanPerintah("Riwayat \(rusak.count) laporan telah diubah di basis data: \(rusak.joined(separator: ", "))")
        }
        context.console.print("Jejak audit utuh: \(jumlah) laporan diperiksa.")
    }
}

struct PerintahFoto: AsyncCommandGroup {
    var help: String { "Mengelola foto tersimpan: bersihkan." }
    var commands: [String: any AnyAsyncCommand] { ["bersihkan": BersihkanFotoTersimpan()] }
}

/// Strips metadata from every stored picture (start-up does it once after an upgrade).
struct BersihkanFotoTersimpan: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Menghapus metadata (lokasi GPS, perangkat, pembuat) dari semua foto tersimpan." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let n = try await BersihkanFoto(db: app.db, direktoriData: app.sikim.direktoriData, jam: app.jam).semua()
        context.console.print("Metadata dihapus dari \(n) foto.")
    }
}

/// `sikim demo --skala kabupaten|nasional`: fills an empty database with generated data.
struct PerintahDemo: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "skala", help: "kabupaten (356 wilayah, 20.000 laporan) atau nasional (+84.000 desa sintetis, 1.000.000 laporan)") var skala: String?
        @Option(name: "laporan", help: "Jumlah laporan (bawaan sesuai skala)") var laporan: Int?
    }
    var help: String { "Mengisi basis data kosong dengan data demo yang realistis." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let k: Demo.Ukuran
        switch s.skala ?? "kabupaten" {
        case "kabupaten": k = .kabupaten
        case "nasional": k = .nasional
        default: throw KesalahanPerintah("Skala tidak dikenal: \(s.skala ?? ""). Pilih kabupaten atau nasional.")
        }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        _ = try await Persiapan.pastikanAdmin(app)
        guard try await KimModel.query(on: app.db).count() == 0 else {
            throw KesalahanPerintah("Basis data sudah berisi KIM; data demo hanya untuk basis data kosong.")
        }
        if k.nasional { _ = try await LayananWilayah.muat(Demo.wilayahNasional(), ke: app.db) }
        let ukuran = Demo.Ukuran(laporan: s.laporan ?? k.laporan, kegiatan: s.laporan.map { $0 / 4 } ?? k.kegiatan, materi: k.materi, nasional: k.nasional)
        let pesan = try await Demo(db: app.db, penyandi: app.penyandi, sekarang: app.jam.sekarang()).isi(ukuran)
        context.console.print(pesan)
    }
}

/// `sikim backup <berkas>`: a consistent copy of the SQLite database, safe while serving.
struct PerintahCadangan: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas tujuan (belum ada)") var berkas: String
    }
    var help: String { "Mencadangkan basis data SQLite (boleh saat server berjalan)." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        do {
            try await Cadangan.cadangkan(context.application.db, ke: s.berkas)
        } catch let e as Cadangan.Kesalahan {
            throw KesalahanPerintah(e.pesan)
        }
        context.console.print("Cadangan tersimpan di \(s.berkas).")
    }
}

/// `sikim restore <berkas>`: replaces the database with a checked backup; server stopped.
struct PerintahPulihkan: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas cadangan dari `sikim backup`") var berkas: String
    }
    var help: String { "Memulihkan basis data SQLite dari cadangan. Hentikan server terlebih dahulu." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let k = context.application.sikim
        guard k.databaseURL == nil else { throw KesalahanPerintah(Cadangan.Kesalahan.bukanSQLite.pesan) }
        do {
            try await Cadangan.pulihkan(dari: s.berkas, ke: k.berkasSQLite)
        } catch let e as Cadangan.Kesalahan {
            throw KesalahanPerintah(e.pesan)
        }
        context.console.print("Basis data dipulihkan dari \(s.berkas). Berkas lama disimpan sebagai \(k.berkasSQLite).sebelum-pulih.")
    }
}
