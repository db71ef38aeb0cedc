import XCTest
import XCTVapor
import SnapshotTesting
@testable import SIKIMServer
final class PSTests: XCTestCase { func testX() {} }
