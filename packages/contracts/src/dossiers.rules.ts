// Dossier statuses (trạng thái hồ sơ) shared by the server and the web app (no TypeBox
// here): the national codes 1–10 used by provincial one-stop systems, plus 0 for a draft
// that has not been submitted. Which change is allowed when is the server's
// (dossiers/status.ts).

export const DOSSIER_STATUS = {
  draft: 0,
  new: 1, // Mới đăng ký
  accepted: 2, // Được tiếp nhận
  refused: 3, // Không được tiếp nhận
  processing: 4, // Đang xử lý
  moreDocuments: 5, // Yêu cầu bổ sung giấy tờ
  paymentRequested: 6, // Yêu cầu thực hiện nghĩa vụ tài chính
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
  processed: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
} as const;

export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];
export const DOSSIER_STATUSES: readonly DossierStatus[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
