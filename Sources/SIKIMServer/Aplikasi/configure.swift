import SIKIMCore
import SIKIMData
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import Vapor

/// Wires the application: database, sessions, middleware, views and routes.
public func configure(_ app: Application, _ konfigurasi: Konfigurasi, jam: Jam = .sistem) throws {
    app.sikim = konfigurasi
    app.jam = jam
    app.penyimpanan = Penyimpanan(konfigurasi)

    // Uploads live here whichever database holds the rows.
    try FileManager.default.createDirectory(atPath: konfigurasi.direktoriData, withIntermediateDirectories: true)
    if let url = konfigurasi.databaseURL {
        var cfg = try SQLPostgresConfiguration(url: url)
        cfg.searchPath = ["public"]
        app.databases.use(.postgres(configuration: cfg, maxConnectionsPerEventLoop: 4), as: .psql)
    } else {
        app.databases.use(.sqlite(.file(konfigurasi.berkasSQLite)), as: .sqlite)
        // SQLite has one connection per event loop, and SQLiteNIO runs every statement on the
        // application's thread pool (one thread per core): the dashboard's long reads over a
        // nation stalled every request behind them. The figures and the periodic checks read
        // through connections and threads of their own (WAL readers do not block each other).
        app.threadPool = NIOThreadPool(numberOfThreads: 8)
        app.databases.use(.sqlite(.file(konfigurasi.berkasSQLite)), as: .hitung, isDefault: false)
    }
    app.migrations.add(Migrasi.semua)
    // The one change signal: every write through Fluent's models, on every connection pool,
    // announces its table; the caches listen by table.
    app.sinyal = SinyalPerubahan()
    for id in app.databases.ids() { app.databases.middleware.use(PengumumPerubahan(app.sinyal), on: id) }
    app.cacheServer = CacheServer(jam: jam)
    app.cacheServer.dengar(app.sinyal)

    ContentConfiguration.global = .sikim()

    app.sessions.use { _ in SesiDriver(umur: konfigurasi.umurSesi) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "sikim_sesi") { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: konfigurasi.cookieAman, isHTTPOnly: true, sameSite: .lax)
    }

    app.petaKecamatan = try PetaKecamatan.muat(Sumber.data("kecamatan-serang.geojson"))
    app.batasDesa = try BatasDesa.muat(Sumber.data("desa-serang.geojson"))
    app.giliranHitung = Giliran()
    app.pelaksanaBerat = PelaksanaBerat()
    app.cacheDasbor = .init(umur: 60, maksimum: 256)
    app.gerbangTulis = GerbangTulis(aktif: konfigurasi.databaseURL == nil)

    app.views.use(.leaf)
    app.leaf.configuration = LeafConfiguration(rootDirectory: Sumber.views)
    // The bundle may sit under `.build/`, so hidden path components must be allowed;
    // templates stay confined to the views directory.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: Sumber.views, viewDirectory: Sumber.views))
    app.leaf.cache.isEnabled = app.environment.isRelease
    let aset = Aset(direktori: Sumber.publik)
    app.leaf.tags["aset"] = TagAset(aset: aset)
    app.leaf.tags["ringkasanGalat"] = TagRingkasanGalat()
    app.leaf.tags["awalanGalat"] = TagAwalanGalat()
    app.leaf.tags["angka"] = TagAngka()
    // Pages and JSON travel compressed (a village's weak signal); photos and XLSX, already
    // compressed, do not. A CSRF token in a compressed page is masked anew on every page
    // (`Request.tokenCSRF`), so compression cannot leak it (BREACH).
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes

    // Routes first: the 405 middleware needs to know every path.
    try routes(app)

    // Outermost first. The error handler stands inside the sessions middleware so that the
    // login page it renders for a 401 can keep its CSRF token in the session. Vapor's sessions
    // middleware works on futures; the async layers on either side of it run as one each.
    let penangan = PenanganKesalahan()
    app.middleware = Middlewares()
    app.berjalan = PekerjaanBerjalan()
    app.lifecycle.use(app.berjalan)
    app.middleware.use(RangkaianAsync([
        app.berjalan,
        HeaderKeamanan(https: konfigurasi.cookieAman),
        EtagHalaman(),
        penangan, // catches what fails before the inner one (e.g. sessions)
        CacheAset(aset: aset),
        FileMiddleware(publicDirectory: Sumber.publik, defaultFile: nil),
        PenjagaPenyimpanan(), // before the sessions middleware, which writes
    ]))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(RangkaianAsync([
        penangan,
        MetodeTidakDiizinkan(rute: app.routes.all),
        PenjagaBadan(),
        SesiAutentikator(),
        BearerAutentikator(),
        PenyelamatKiriman(),
        PenjagaCSRF(),
    ]))
}

/// Every route, by feature: the pages, then the API.
func routes(_ app: Application) throws {
    let web: [any RouteCollection] = [
        BerandaWeb(), MasukWeb(), LanjutkanWeb(), AplikasiWeb(), AkunWeb(), WilayahWeb(), OPDWeb(), PenggunaWeb(), KimWeb(), DirektoriWeb(), DokumenCetakWeb(),
        ImporEksporWeb(), AktivitasWeb(), LaporanWeb(), DiseminasiWeb(), DasborWeb(), RekapWeb(), PengaturanWeb(), NotifikasiWeb(),
        PesanMasukWeb(), KotakKeluarKanalWeb(),
    ]
    let api: [any RouteCollection] = [
        SehatAPI(), AkunAPI(), WilayahAPI(), OPDAPI(), PenggunaAPI(), KimAPI(), ImporAPI(), KegiatanAPI(), LaporanAPI(),
        DiseminasiAPI(), StatistikAPI(), KanalMasukAPI(), PesanMasukAPI(), OpenAPIRute(),
    ]
    for c in web + api { try app.register(collection: c) }
}

extension DatabaseID {
    /// SQLite connections for long reads (`dbHitung`).
    static let hitung = DatabaseID(string: "hitung")
}

extension Application {
    /// Where long reads go: their own SQLite connections, or (nil) the default database,
    /// PostgreSQL's shared pool with several connections per event loop.
    var idHitung: DatabaseID? { databases.ids().contains(.hitung) ? .hitung : nil }
    var dbHitung: any Database { db(idHitung) }
}

extension Request {
    var dbHitung: any Database { db(application.idHitung) }
}
