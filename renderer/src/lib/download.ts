/** Saves a file the backend returned as base64 through a Blob and an <a download>. */
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function mimeOf(fileName: string): string {
  if (/\.xlsx$/i.test(fileName)) return XLSX_MIME;
  if (/\.pdf$/i.test(fileName)) return 'application/pdf';
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  return 'application/octet-stream';
}

export function downloadBase64File(file: { fileName: string; base64: string }): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: mimeOf(file.fileName) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('读取文件失败，请重新选择文件'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
