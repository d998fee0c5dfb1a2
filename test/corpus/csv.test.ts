import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLimits, CsvSyntaxError, parseCsv, stringifyCsv } from '../../src/corpus/csv.js';

const fieldsOf = parseCsv;

describe('parseCsv limits', () => {
  it('refuses more rows than it may read, naming the first row too many, in Japanese', () => {
    const text = 'id,text\r\na,"two\nlines"\r\nb,x\r\nc,x\r\n';
    expect(parseCsv(text, { maxRows: 4 })).toHaveLength(4);
    let thrown: unknown;
    try {
      parseCsv(text, { maxRows: 3 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CsvSyntaxError);
    // The fourth record starts on the fifth line of the file: the second record has two.
    expect((thrown as CsvSyntaxError).line).toBe(5);
    expect((thrown as CsvSyntaxError).reason).toContain('3 行まで');
  });

  it('caps files at a few MB and 10,000 rows by default: the corpus is a few hundred entries', () => {
    expect(csvLimits.maxRows).toBe(10_000);
    expect(csvLimits.maxBytes).toBe(10 * 1024 * 1024);
    expect(() => parseCsv('id\n'.repeat(csvLimits.maxRows + 1))).toThrow(CsvSyntaxError);
  });
});

describe('parseCsv', () => {
  it('reads quoted cells holding commas, doubled quotes and line breaks', () => {
    const text = 'id,text\r\na,"寄付額は、679万円から\n3億4300万円に"\r\nb,"「""残業ゼロ""」, を目指す"\r\n';
    expect(fieldsOf(text)).toEqual([
      ['id', 'text'],
      ['a', '寄付額は、679万円から\n3億4300万円に'],
      ['b', '「"残業ゼロ"」, を目指す'],
    ]);
  });

  it('separates records by CRLF, LF or CR, and a final line break starts no record', () => {
    expect(fieldsOf('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fieldsOf('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fieldsOf('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps a line break inside a quoted cell as it is written', () => {
    expect(fieldsOf('"1\r\n2","3\n4"\r\n')).toEqual([['1\r\n2', '3\n4']]);
  });

  it('skips a byte order mark at the start', () => {
    expect(fieldsOf('\uFEFFid,title\r\nx,タイトル\r\n')).toEqual([['id', 'title'], ['x', 'タイトル']]);
    expect(fieldsOf('\uFEFF')).toEqual([]);
  });

  it('reads empty cells, an empty line as one empty cell, and nothing from an empty text', () => {
    expect(fieldsOf(',,\r\n\r\nx\r\n')).toEqual([['', '', ''], [''], ['x']]);
    expect(fieldsOf('')).toEqual([]);
  });

  it('keeps a stray quote as text, inside an unquoted cell or after a closing quote', () => {
    expect(fieldsOf('5"2,b\r\n')).toEqual([['5"2', 'b']]);
    expect(fieldsOf('"残業ゼロ"を目指す,b\r\n')).toEqual([['"残業ゼロ"を目指す', 'b']]);
  });

  it('rejects a quoted cell that is never closed, in Japanese, at the line its record starts on', () => {
    const text = '\uFEFFid,text\r\n"a\r\nb",ok\r\nx,"open\r\nstill open\r\n';
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    expect(() => parseCsv(text)).toThrow(/^4行目: この行から始まる " で囲んだセルが閉じられていません/);
  });
});

describe('stringifyCsv', () => {
  it('quotes only the cells that need it and ends every record with CRLF', () => {
    expect(stringifyCsv([['id', 'text'], ['a', '1,2'], ['b', 'say "hi"'], ['c', 'x\ny'], ['d', ' padded']])).toBe(
      'id,text\r\na,"1,2"\r\nb,"say ""hi"""\r\nc,"x\ny"\r\nd," padded"\r\n',
    );
  });

  it('writes the single empty cell of a row so that it reads back', () => {
    expect(fieldsOf(stringifyCsv([[''], ['a'], ['']]))).toEqual([[''], ['a'], ['']]);
  });

  it('guards cells a spreadsheet would run as formulas with a leading apostrophe, but not numbers', () => {
    expect(stringifyCsv([['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '＝1', 'a=b', -5, 3]])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-1,'@SUM(A1),"'\tx",'＝1,a=b,-5,3\r\n`,
    );
  });

  it('reads a guarded cell back as it was', () => {
    expect(fieldsOf(stringifyCsv([['=1+1', '-x', "'quoted", "'=kept"]]))).toEqual([['=1+1', '-x', "'quoted", '=kept']]);
  });
});

describe('stringify then parse', () => {
  const tricky = fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', ' ', '\uFEFF', 'a', '小', '諸', '、', '「', '」', 'ｱ', '𠮷') });
  const cell = fc.oneof(tricky, fc.string({ unit: 'binary' }));
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

  it('gives back the same rows for any cells, commas, quotes, line breaks and Japanese included', () => {
    fc.assert(
      fc.property(rows, (table) => {
        expect(fieldsOf(stringifyCsv(table))).toEqual(table);
      }),
      { numRuns: 500 },
    );
  });
});
