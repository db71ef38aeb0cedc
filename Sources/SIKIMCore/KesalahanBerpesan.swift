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

    public var kosong: Bool { butir.isEmpty }
    public var kode: String { "isian_tidak_valid" }
    public var pesan: String { butir.map(\.pesan).joined(separator: " ") }

    public func pesan(untuk bidang: String) -> String? {
        butir.first { $0.bidang == bidang }?.pesan
    }
}
