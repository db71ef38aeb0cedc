import Foundation

/// The clock, passed as a value so tests control time.
public struct Jam: Sendable {
    public let sekarang: @Sendable () -> Date
    public init(_ sekarang: @escaping @Sendable () -> Date) { self.sekarang = sekarang }
    public static let sistem = Jam { Date() }
}
