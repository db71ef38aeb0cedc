import NIOConcurrencyHelpers
import SIKIMCore
import SIKIMData
import Vapor

// Every value kept in Vapor's storage, in one place: the application's, each set once in
// `configure` before serving, and the request's, each set once per request.

private enum Kunci {
    struct Konfigurasi: StorageKey { typealias Value = SIKIMServer.Konfigurasi }
    struct Jam: StorageKey { typealias Value = SIKIMCore.Jam }
    struct Penyimpanan: StorageKey { typealias Value = SIKIMServer.Penyimpanan }
    struct Gerbang: StorageKey { typealias Value = GerbangTulis }
    struct Sinyal: StorageKey { typealias Value = SinyalPerubahan }
    struct Cache: StorageKey { typealias Value = CacheServer }
    struct CacheDasbor: StorageKey { typealias Value = CacheHitungan<DasborWeb.KunciIsi, DasborWeb.Tampilan> }
    struct Peta: StorageKey { typealias Value = PetaKecamatan }
    struct BatasDesa: StorageKey { typealias Value = SIKIMServer.BatasDesa }
    struct Pelaksana: StorageKey { typealias Value = PelaksanaBerat }
    struct Giliran: StorageKey { typealias Value = SIKIMServer.Giliran }
    struct Berjalan: StorageKey { typealias Value = PekerjaanBerjalan }

    struct Kueri: StorageKey { typealias Value = SIKIMServer.Kueri }
    struct BelumDibaca: StorageKey { typealias Value = Int }
    struct SesiTerbaca: StorageKey { typealias Value = SesiDriver.Terbaca }
    struct SesiBerakhir: StorageKey { typealias Value = SesiDriver.Berakhir }
}

extension Application {
    public internal(set) var sikim: Konfigurasi {
        get { storage[Kunci.Konfigurasi.self]! }
        set { storage[Kunci.Konfigurasi.self] = newValue }
    }

    public internal(set) var jam: Jam {
        get { storage[Kunci.Jam.self] ?? .sistem }
        set { storage[Kunci.Jam.self] = newValue }
    }

    /// The data directory and database file, as checked before writes.
    var penyimpanan: Penyimpanan {
        get { storage[Kunci.Penyimpanan.self]! }
        set { storage[Kunci.Penyimpanan.self] = newValue }
    }

    var gerbangTulis: GerbangTulis {
        get { storage[Kunci.Gerbang.self]! }
        set { storage[Kunci.Gerbang.self] = newValue }
    }

    /// The one change signal every write announces on and every cache listens to.
    var sinyal: SinyalPerubahan {
        get { storage[Kunci.Sinyal.self]! }
        set { storage[Kunci.Sinyal.self] = newValue }
    }

    var cacheServer: CacheServer {
        get { storage[Kunci.Cache.self]! }
        set { storage[Kunci.Cache.self] = newValue }
    }

    /// The dashboard's figures, rendered, per area, period and map metric.
    var cacheDasbor: CacheHitungan<DasborWeb.KunciIsi, DasborWeb.Tampilan> {
        get { storage[Kunci.CacheDasbor.self]! }
        set { storage[Kunci.CacheDasbor.self] = newValue }
    }

    /// Projected once at start-up: the geometry never changes while serving.
    var petaKecamatan: PetaKecamatan {
        get { storage[Kunci.Peta.self]! }
        set { storage[Kunci.Peta.self] = newValue }
    }

    var batasDesa: BatasDesa {
        get { storage[Kunci.BatasDesa.self]! }
        set { storage[Kunci.BatasDesa.self] = newValue }
    }

    var pelaksanaBerat: PelaksanaBerat {
        get { storage[Kunci.Pelaksana.self]! }
        set { storage[Kunci.Pelaksana.self] = newValue }
    }

    var giliranHitung: Giliran {
        get { storage[Kunci.Giliran.self]! }
        set { storage[Kunci.Giliran.self] = newValue }
    }

    /// Work that may outlive its request, waited for at shutdown.
    var berjalan: PekerjaanBerjalan {
        get { storage[Kunci.Berjalan.self]! }
        set { storage[Kunci.Berjalan.self] = newValue }
    }
}

extension Request {
    /// The query string, parsed on first use (`kueri`).
    var kueriTerbaca: Kueri? {
        get { storage[Kunci.Kueri.self] }
        set { storage[Kunci.Kueri.self] = newValue }
    }

    /// Unread notices of the signed-in user, counted once per page request.
    var notifikasiBelumDibaca: Int? {
        get { storage[Kunci.BelumDibaca.self] }
        set { storage[Kunci.BelumDibaca.self] = newValue }
    }

    /// The session as read, to skip writing it back unchanged (`SesiDriver`).
    var sesiTerbaca: SesiDriver.Terbaca? {
        get { storage[Kunci.SesiTerbaca.self] }
        set { storage[Kunci.SesiTerbaca.self] = newValue }
    }

    /// The session the request's cookie named, when it had expired.
    var sesiYangBerakhir: SesiDriver.Berakhir? {
        get { storage[Kunci.SesiBerakhir.self] }
        set { storage[Kunci.SesiBerakhir.self] = newValue }
    }

    var sesiBerakhir: Bool { sesiYangBerakhir != nil }
}
