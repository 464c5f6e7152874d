import { readCsvRecords } from './csv-records';

const lines = (text: string, delimiter?: string) =>
  readCsvRecords(text, delimiter).records.map(({ line, fields }) => [line, fields]);

describe('readCsvRecords', () => {
  it('when a file has a BOM, CRLF, a blank line and an empty last line, then each record keeps the line it starts on', () => {
    expect(lines('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['']],
      [4, ['3', '4']],
    ]);
  });

  it('when a quoted field holds the delimiter, doubled quotes and line breaks of either kind, then the lines after it still count right', () => {
    expect(lines('h\r\n"a,b","say ""yes""","one\r\ntwo\nthree"\r\nnext;x\rlast', ',')).toEqual([
      [1, ['h']],
      [2, ['a,b', 'say "yes"', 'one\r\ntwo\nthree']],
      [5, ['next;x']],
      [6, ['last']],
    ]);
    expect(lines('a;b\n1;"2,5"', ';')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2,5']],
    ]);
  });

  it('when records have different numbers of fields, then each comes as it is, for the caller to judge', () => {
    expect(lines('a,b,c\n1,2\n1,2,3,4')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '2']],
      [3, ['1', '2', '3', '4']],
    ]);
  });

  it('when a quote stands inside an unquoted field, then it is kept as written', () => {
    expect(lines('h\nTV 55" screen,ab"c,"x"y')).toEqual([
      [1, ['h']],
      [2, ['TV 55" screen', 'ab"c', '"x"y']],
    ]);
  });

  it('when a quote never closes, then the records before it come with a fault on the line it opens in', () => {
    expect(readCsvRecords('h\n"multi\nline",1\n2,"open\n3,4\n')).toEqual({
      records: [
        { line: 1, fields: ['h'] },
        { line: 2, fields: ['multi\nline', '1'] },
      ],
      fault: { line: 4, reason: 'a quoted field does not end' },
    });
    expect(readCsvRecords('"h\n1')).toEqual({ records: [], fault: { line: 1, reason: 'a quoted field does not end' } });
  });

  it('when the file is empty, then there are no records', () => {
    expect(readCsvRecords('')).toEqual({ records: [], fault: null });
  });
});
