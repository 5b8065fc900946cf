/**
 * A button that opens the file dialog: the input stays in the page, hidden, so that tests can set
 * its file; the same file can be chosen twice in a row (the input is cleared after each choice).
 */
import { useRef } from 'react';
import { Button, type ButtonProps } from 'antd';

interface Props extends Omit<ButtonProps, 'onClick'> {
  /** The input's accept list, e.g. ".xlsx". */
  accept: string;
  /** The hidden input's accessible name and test id. */
  inputLabel: string;
  inputTestId: string;
  onFile: (file: File) => void;
}

export function FileButton({ accept, inputLabel, inputTestId, onFile, ...button }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        aria-label={inputLabel}
        data-testid={inputTestId}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button {...button} onClick={() => inputRef.current?.click()} />
    </>
  );
}
