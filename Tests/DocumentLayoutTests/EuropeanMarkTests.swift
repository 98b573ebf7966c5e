// EuropeanMarkTests: twelve gold stars on a circle of a third of the height, the code's white square centred.
import DisplayList
@testable import DocumentLayout
import Foundation
import Testing

struct EuropeanMarkTests {
    let frame = Rect(x: 100, y: 50, width: 54, height: 36)
    let blue = Color(red: 0, green: 0x33, blue: 0x99)
    let gold = Color(red: 0xFF, green: 0xCC, blue: 0)

    func points(_ path: Path) -> [Point] {
        path.elements.compactMap { element -> Point? in
            switch element {
            case .move(let p), .line(let p): p
            case .cubic(_, _, let end): end
            case .close: nil
            }
        }
    }

    @Test func D_CARD_markHasTheFieldTwelveStarsAndACentredWhiteSquare() throws {
        let square = Length.points(millimetres: 4)
        let shapes = EuropeanMark.shapes(in: frame, field: blue, stars: gold, square: square)
        #expect(shapes.count == 14)
        #expect(shapes.first == Shape(path: .rectangle(frame), fill: blue))
        let stars = shapes.dropFirst().prefix(12)
        #expect(stars.allSatisfy { $0.fill == gold && $0.path.elements.count == 11 })
        let centre = Point(x: 127, y: 68)
        for star in stars {
            let vertices = points(star.path)
            let starCentre = Point(x: vertices.map(\.x).reduce(0, +) / 10, y: vertices.map(\.y).reduce(0, +) / 10)
            #expect(abs(hypot(starCentre.x - centre.x, starCentre.y - centre.y) - 12) < 1e-9)  // a third of 36
            let outer = vertices.map { hypot($0.x - starCentre.x, $0.y - starCentre.y) }.max()!
            #expect(abs(outer - 2) < 1e-9)                                                      // an eighteenth of 36
        }
        // The first star is at twelve o'clock, and points straight up.
        let top = points(shapes[1].path)
        #expect(abs(top[0].x - centre.x) < 1e-9 && abs(top[0].y - (centre.y - 14)) < 1e-9)
        let white = try #require(shapes.last)
        #expect(white.fill == .white)
        #expect(white.path == .rectangle(Rect(x: centre.x - square / 2, y: centre.y - square / 2, width: square, height: square)))
    }
}
