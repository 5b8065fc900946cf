// The two parts of ExcelJS 4's XML writer that excel-shared-strings.ts renders with (CommonJS, untyped).
declare module 'exceljs/lib/utils/xml-stream.js' {
  export default class XmlStream {
    static StdDocAttributes: Record<string, string>;
    openXml(docAttributes: Record<string, string>): void;
    openNode(name: string, attributes?: Record<string, unknown>): void;
    writeText(text: string): void;
    closeNode(): void;
    get xml(): string;
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-string-xform.js' {
  import type XmlStream from 'exceljs/lib/utils/xml-stream.js';
  export default class SharedStringXform {
    render(xmlStream: XmlStream, model: unknown): void;
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  export default class SharedStringsXform {
    toXml(model: { count: number; values: unknown[] }): string;
  }
}
