// The same report as a Word document (docx library): merged cells as Word's gridSpan/vMerge, as publishers'
// DOCX downloads have them.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { sectionHeadings } from '../contracts/index.ts';
import { activeTable, reportTitle, requestsTable, reviewTable, type Cell, type ReportContent } from './render.ts';

function table(rows: Cell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph(cell.text)],
                columnSpan: cell.colspan,
                rowSpan: cell.rowspan,
              }),
          ),
        }),
    ),
  });
}

export async function renderDocx(c: ReportContent, blankZeros = false): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: reportTitle(c), heading: HeadingLevel.TITLE }),
          ...(c.publishedOn ? [new Paragraph(`发布日期：${c.publishedOn}`)] : []),
          new Paragraph('本报告根据《中华人民共和国政府信息公开条例》编制（演示用合成数据，synthetic demo data）。'),
          new Paragraph({ text: '一、总体情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('本年度按照条例要求开展政府信息公开工作。'),
          new Paragraph({ text: sectionHeadings.active, heading: HeadingLevel.HEADING_1 }),
          table(activeTable(c, blankZeros)),
          new Paragraph({ text: sectionHeadings.requests, heading: HeadingLevel.HEADING_1 }),
          table(requestsTable(c, blankZeros)),
          new Paragraph({ text: sectionHeadings.review, heading: HeadingLevel.HEADING_1 }),
          table(reviewTable(c, blankZeros)),
          new Paragraph({ text: sectionHeadings.problems, heading: HeadingLevel.HEADING_1 }),
          new Paragraph('（略）'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
