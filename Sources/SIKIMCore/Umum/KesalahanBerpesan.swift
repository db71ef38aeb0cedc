/// A domain error that knows its stable machine code and its Indonesian message.
/// The server turns it into a response at the edge; the core never speaks HTTP.
public protocol KesalahanBerpesan: Error {
    var kode: String { get }
    var pesan: String { get }
}

/// Field-level validation failures, kept together so a form can show each message
/// next to its field and an API can return the first one.
public struct KesalahanIsian: KesalahanBerpesan, Equatable, Sendable {
    public struct Butir: Equatable, Sendable {
        public let bidang: String
        public let pesan: String
    }

    public private(set) var butir: [Butir] = []

    public init() {}

    public init(_ bidang: String, _ pesan: String) {
        tambah(bidang, pesan)
    }

    public mutating func tambah(_ bidang: String, _ pesan: String) {
        butir.append(Butir(bidang: bidang, pesan: pesan))
    }

    /// Another check's findings, so a form reports every field at once.
    public mutating func gabung(_ lain: KesalahanIsian) {
        butir += lain.butir
    }

    public var kosong: Bool { butir.isEmpty }
    public var kode: String { "isian_tidak_valid" }
    public var pesan: String { butir.map(\.pesan).joined(separator: " ") }

    public func pesan(untuk bidang: String) -> String? {
        butir.first { $0.bidang == bidang }?.pesan
    }
}

/// A change that lost a race: the object changed between the moment the decision was made and
/// the moment it was to be written, so it was not written. Nothing is retried on the user's
/// behalf: what they decided may no longer fit.
public struct DiubahBersamaan: KesalahanBerpesan, Equatable, Sendable {
    public init() {}
    public var kode: String { "transisi_ditolak" }
    public var pesan: String {
        "Data ini baru saja diubah oleh pengguna lain, sehingga tindakan Anda tidak dijalankan. Muat ulang halaman untuk melihat keadaan terbaru, lalu putuskan kembali."
    }
}

/// Something this actor may not do here, with the reason in Indonesian (a 403 at the edge).
public struct TindakanDilarang: KesalahanBerpesan, Equatable, Sendable {
    public let pesan: String
    public var kode: String { "dilarang" }
    public init(_ pesan: String = "Anda tidak berhak melakukan tindakan ini.") { self.pesan = pesan }
}

/// An idempotency key used again with other content: the first request's answer would not
/// be this one's (IETF draft "The Idempotency-Key HTTP Header Field": 422).
public struct KunciIdempotensiDipakai: KesalahanBerpesan, Equatable, Sendable {
    public init() {}
    public var kode: String { "kunci_idempotensi_dipakai" }
    public var pesan: String {
        "Kunci idempotensi ini sudah dipakai untuk laporan dengan isi lain. Gunakan kunci baru untuk laporan baru."
    }
}

/// The storage did not answer as it should right now; the same request may succeed again (503).
public struct SedangSibuk: KesalahanBerpesan, Equatable, Sendable {
    public init() {}
    public var kode: String { "sibuk" }
    public var pesan: String { "Server sedang sibuk. Silakan kirim ulang." }
}

/// A file could not be written to the data directory (a 503: the same upload may work later).
public struct PenyimpananGagal: KesalahanBerpesan, Equatable, Sendable {
    public init() {}
    public var kode: String { "gagal_menyimpan" }
    public var pesan: String { "Berkas tidak dapat disimpan. Data yang Anda isi belum terkirim; coba lagi nanti." }
}
